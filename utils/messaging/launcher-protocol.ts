/**
 * Messages of the in-page launcher, the in-page sidebar frame and the keyboard shortcut (issue 5). Part of `ProtocolMap` (protocol.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LauncherProtocol {}

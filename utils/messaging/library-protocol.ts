/**
 * Messages of the messaging library page for marketers (issues 6 and 7). Part of `ProtocolMap` (protocol.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LibraryProtocol {}

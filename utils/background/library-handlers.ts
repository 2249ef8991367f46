/** Registers the background's answers to the messages of `utils/messaging/library-protocol.ts`. */
export function registerLibraryHandlers(): void {}

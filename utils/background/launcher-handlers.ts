/** Registers the background's answers to the messages of `utils/messaging/launcher-protocol.ts`. */
export function registerLauncherHandlers(): void {}

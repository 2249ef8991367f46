/** Registers the background's answers to the messages of `utils/messaging/feedback-protocol.ts`. */
export function registerFeedbackHandlers(): void {}

/**
 * How the background refuses a message: one typed error, the same for every message. It
 * reaches the caller as the rejection of its `sendMessage` (the messaging library carries
 * `name`, `message` and `code` across), and the caller shows its message.
 */
export type RefusalCode =
  /** A page-only message from a content script or a web page. */
  | 'not_extension_page'
  /** A content-script message from something that is not a content script of a tab. */
  | 'not_content_script'
  /** A sidebar framed by a page itself (no valid one-time frame token). */
  | 'not_our_frame';

export class RefusedError extends Error {
  override name = 'RefusedError';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** Whether a rejected message was the background's refusal (after crossing messaging). */
export function isRefusal(error: unknown): error is { code: RefusalCode; message: string } {
  return error instanceof Error && error.name === 'RefusedError';
}

/**
 * Messages of the messaging library page for marketers (issues 6 and 7). Part of `ProtocolMap` (protocol.ts).
 */
import type { MessagingLibrary } from '../backend-client/library-client';

/** The library page's answer: the library, or why there is none yet. */
export type MessagingLibraryAnswer =
  { state: 'not_configured'; message: string } | ({ state: 'ok' } & MessagingLibrary);

export interface LibraryProtocol {
  /**
   * Extension pages only: the messaging library of every enabled backend (`GET
   * /v1/messaging`, with the campaigns it references when the backend lists them), and from
   * backends with the `feedback` feature the landed / missed / objection counts per entry,
   * the latest objections and the helpful / not-helpful counts per asset. Each backend's
   * failure is reported in its own source.
   */
  getMessagingLibrary(): MessagingLibraryAnswer;
}

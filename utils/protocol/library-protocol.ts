/**
 * Data of the messaging library page for marketers (its message: page-to-background.ts
 * `getMessagingLibrary`).
 */
import type { MessagingLibrary } from '../backend-client/library-client';

/** The library page's answer: the library, or why there is none yet. */
export type MessagingLibraryAnswer =
  { state: 'not_configured'; message: string } | ({ state: 'ok' } & MessagingLibrary);

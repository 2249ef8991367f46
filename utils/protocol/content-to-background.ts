/**
 * Messages a tab's content script sends to the background. Imported by the content script
 * (to send) and the background (to answer through `onContentMessage`, which hands each
 * handler the sender's verified tab and frame); nothing else sends these.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DetectedContact } from '../sites/types';
import type { DraftSummary } from './draft-protocol';
import type { LauncherSettings, LauncherSummary } from './launcher-protocol';
import type { DetectionSettings } from './protocol';

export interface ContentToBackground {
  /** The page's contacts changed (sent only on change). */
  contactsDetected(data: {
    url: string;
    contacts: DetectedContact[];
    /** Addresses the page shows as the signed-in user's (absent from older scripts). */
    ownEmails?: string[];
  }): void;
  /** The rules detection applies. */
  getDetectionSettings(): DetectionSettings;
  /** The display settings the launcher follows. */
  getLauncherSettings(): LauncherSettings;
  /**
   * The summary of ITS OWN tab's primary contact (null when none). Looks the contact up
   * through the cached context client, which also warms the cache for the sidebar, unless
   * privacy.lookupOnlyWhenOpened.
   */
  getLauncherSummary(): LauncherSummary | null;
  /**
   * Inside the launcher's click: opens the browser's side panel on the sender's tab. False
   * when it could not (no side panel API, or the gesture was lost); the content script then
   * opens the in-page frame instead.
   */
  openSidePanel(): boolean;
  /** As it creates the in-page frame: the token in the frame's URL (`#frame=<token>`). */
  expectFrame(data: { token: string }): void;
  /**
   * The text of the tab's open compose ('' when it closed). Checked against the recipients'
   * messaging; the result is kept for the sidebar, and its counts are the answer (null when
   * no compose is open, or a newer text replaced this one). The text never reaches a backend.
   */
  draftChanged(data: { text: string }): DraftSummary | null;
}

export const contentToBackground = defineExtensionMessaging<ContentToBackground>();

/**
 * Messages the background sends to a tab's content script (by tab, top frame). Imported by
 * the background (to send) and the content script (to answer).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { DetectionSettings } from './protocol';

export interface BackgroundToContent {
  /** The rules changed; detect again with these. Sent to every tab. */
  detectionSettingsChanged(data: DetectionSettings): void;
  /** Open, close or (no `open`) toggle the in-page frame. */
  toggleInpageSidebar(data: { open?: boolean }): void;
}

export const backgroundToContent = defineExtensionMessaging<BackgroundToContent>();

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackendStatus } from '../api/status';

/**
 * The one message map between the extension's contexts (content script, sidebar, options →
 * background). Each key is a message; its function type is the request → response.
 */
export interface ProtocolMap {
  /** Health of the configured backend, as the background sees it (credentials stay there). */
  getBackendStatus(): BackendStatus;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/**
 * The background's side of the messaging library page (issues 6 and 7). Only the background
 * talks to backends: API keys never reach the page.
 */
import { fetchMessagingLibrary } from '../backend-client/library-client';
import type { MessagingLibraryAnswer } from '../protocol/library-protocol';
import { onMessage } from '../protocol/protocol';
import { loadEffectiveSettings } from '../settings/settings-store';
import { fromExtensionPage } from './sender';

/** The library of every enabled backend, from the effective settings (team policy applied). */
export async function getMessagingLibrary(): Promise<MessagingLibraryAnswer> {
  const { backends } = await loadEffectiveSettings();
  const enabled = backends.backends.filter((backend) => backend.enabled && backend.baseUrl);
  if (enabled.length === 0) {
    return {
      state: 'not_configured',
      message: 'No backend is configured. Open the options page and add one.',
    };
  }
  return { state: 'ok', ...(await fetchMessagingLibrary({ backends: enabled })) };
}

/** Registers the background's answers to the messages of `utils/protocol/library-protocol.ts`. */
export function registerLibraryHandlers(): void {
  // Async: a refusal must reach the caller as a rejected message, not throw in the listener.
  onMessage('getMessagingLibrary', async ({ sender }) => {
    if (!fromExtensionPage(sender)) {
      throw new Error('Only the extension’s own pages can read the messaging library.');
    }
    return getMessagingLibrary();
  });
}

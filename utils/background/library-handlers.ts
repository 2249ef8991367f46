/**
 * The background's side of the messaging library page. Only the background
 * talks to backends: API keys never reach the page.
 */
import { fetchMessagingLibrary } from '../backend-client/library-client';
import type { MessagingLibraryAnswer } from '../protocol/library-protocol';
import { loadEffectiveSettings } from '../settings/settings-store';
import { onPageMessage } from './door';

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

export function registerLibraryHandlers(): void {
  onPageMessage('getMessagingLibrary', () => getMessagingLibrary());
}

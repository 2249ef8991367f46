import { checkHealth } from '../api/health';
import type { BackendStatus } from '../api/status';
import { onMessage } from '../messaging/protocol';
import { backendSettings } from '../settings';

/** Answers the typed messages of `utils/messaging/protocol.ts`. */
export function registerBackgroundHandlers(): void {
  onMessage('getBackendStatus', () => getBackendStatus());
}

export async function getBackendStatus(): Promise<BackendStatus> {
  const { baseUrl, apiKey } = await backendSettings.getValue();
  if (!baseUrl) {
    return {
      kind: 'not_configured',
      message: 'No backend is configured. Open the options page and add one.',
    };
  }
  return checkHealth(baseUrl, apiKey);
}

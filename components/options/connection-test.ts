import type { BackendStatus } from '../../utils/protocol/backend-status';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import { errorText } from '../../utils/contract/errors';

/** A backend's connection test, run by the background (only it talks to backends). */
export async function testConnection(baseUrl: string, apiKey: string): Promise<BackendStatus> {
  try {
    return await pageToBackground.sendMessage('testBackend', { baseUrl, apiKey });
  } catch (error) {
    return {
      kind: 'unreachable',
      baseUrl,
      message: `The extension's background did not answer (${errorText(error)}). Reload the extension and try again.`,
    };
  }
}

/** Per backend id: the last test's outcome, or 'testing' while it runs. */
export type ConnectionTests = Record<string, BackendStatus | 'testing'>;

export type SuccessfulTest = Extract<BackendStatus, { kind: 'ok' }>;

/** Per backend id: its last successful test (a later failed one does not erase it). */
export type SuccessfulTests = Record<string, SuccessfulTest>;

/**
 * True when a backend's last successful test, at the URL it is saved with, listed the
 * feature (a test of an edited, unsaved URL says nothing about the saved one).
 */
export function someBackendOffers(
  successes: SuccessfulTests,
  backends: readonly { id: string; baseUrl: string }[],
  feature: string,
): boolean {
  return backends.some((backend) => {
    const test = successes[backend.id];
    return test?.baseUrl === backend.baseUrl.trim() && test.features.includes(feature);
  });
}

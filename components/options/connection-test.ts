import type { BackendStatus } from '../../utils/api/status';
import { sendMessage } from '../../utils/messaging/protocol';

/** A backend's connection test, run by the background (only it talks to backends). */
export async function testConnection(baseUrl: string, apiKey: string): Promise<BackendStatus> {
  try {
    return await sendMessage('testBackend', { baseUrl, apiKey });
  } catch (error) {
    return {
      kind: 'unreachable',
      baseUrl,
      message: `The extension's background did not answer (${error instanceof Error ? error.message : String(error)}). Reload the extension and try again.`,
    };
  }
}

/** Per backend id: the last test's outcome, or 'testing' while it runs. */
export type ConnectionTests = Record<string, BackendStatus | 'testing'>;

/** True when an enabled backend's last successful test listed the feature. */
export function someBackendOffers(
  tests: ConnectionTests,
  enabledIds: readonly string[],
  feature: string,
): boolean {
  return enabledIds.some((id) => {
    const test = tests[id];
    return typeof test === 'object' && test.kind === 'ok' && test.features.includes(feature);
  });
}

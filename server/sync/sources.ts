import type { Source } from '../../utils/contract/schemas';
import type { SyncState } from './state';

/** One connector as `GET /v1/health` lists it. */
export interface ConnectorHealth {
  system: string;
  lastSuccessAt: string | null;
  lastRun: SyncState['lastRun'];
}

/**
 * What the lookup's `sources` and `GET /v1/health` carry for the connectors: each source's
 * last successful sync as `fetchedAt`, and `partial`/`error` when its last run failed so a
 * broken sync reads as stale in the sidebar. A source that never succeeded reports when its
 * failed run started.
 */
export function syncSourcesFor(states: readonly SyncState[]): {
  sources: Source[];
  connectors: ConnectorHealth[];
} {
  const sources: Source[] = [];
  for (const state of states) {
    const failed = state.lastRun?.ok === false;
    const fetchedAt = state.lastSuccessAt ?? (failed ? state.lastRun?.startedAt : undefined);
    if (fetchedAt === undefined || fetchedAt === null) continue;
    sources.push({
      system: state.source,
      fetchedAt,
      partial: failed,
      error: failed ? (state.lastRun?.error ?? 'the last sync failed') : null,
    });
  }
  return {
    sources,
    connectors: states.map((s) => ({
      system: s.source,
      lastSuccessAt: s.lastSuccessAt,
      lastRun: s.lastRun,
    })),
  };
}

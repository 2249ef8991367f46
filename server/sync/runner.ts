import type { Store } from '../store/types';
import { SyncError, type Connector, type ConnectorNotice } from './connector';
import type { SyncCounts, SyncStateStore } from './state';

export interface SyncSummary extends SyncCounts {
  source: string;
  ok: boolean;
  error: string | null;
  startedAt: string;
  finishedAt: string;
  seconds: number;
}

export interface RunSyncOptions {
  connector: Connector;
  store: Store;
  state: SyncStateStore;
  /** First run only: where history starts. */
  since: Date;
  /** Ignore the checkpoint (re-reads everything since `since`; ids keep it exactly once). */
  full?: boolean;
  /** One human line per step (stderr in the CLI). */
  progress?: (line: string) => void;
  signal?: AbortSignal;
}

function zeroCounts(): SyncCounts {
  return { pages: 0, stored: 0, duplicates: 0, skipped: 0, machineSuspected: 0, rateLimitWaits: 0 };
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`;
}

/**
 * One sync: each page is stored, then its checkpoint saved, so whenever the process stops
 * the next run resumes from the last stored page. Never throws: the summary says how it ended
 * and the sync state keeps the last run for the health answer.
 */
export async function runSync(options: RunSyncOptions): Promise<SyncSummary> {
  const { connector, store, state } = options;
  const source = connector.system;
  const progress = options.progress ?? (() => {});
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const counts = zeroCounts();
  await state.startRun(source, startedAt);
  let error: string | null = null;
  try {
    const checkpoint = options.full ? null : ((await state.get(source))?.checkpoint ?? null);
    progress(
      checkpoint === null
        ? `${source}: starting from ${options.since.toISOString()}`
        : `${source}: resuming from the last stored page`,
    );
    const notify = (notice: ConnectorNotice) => {
      if (notice.kind === 'wait') {
        counts.rateLimitWaits += 1;
        progress(`${source}: waiting ${seconds(notice.ms)} (${notice.reason})`);
      } else if (notice.kind === 'retry') {
        progress(`${source}: retry ${notice.attempt} (${notice.reason})`);
      } else progress(`${source}: ${notice.message}`);
    };
    for await (const page of connector.pages({
      checkpoint,
      since: options.since,
      notify,
      signal: options.signal,
    })) {
      if (page.campaigns?.length) await store.upsertCampaigns(page.campaigns);
      if (page.contacts?.length) await store.upsertContacts(page.contacts, 'merge');
      const outcome = page.events.length
        ? await store.ingestEvents(page.events)
        : { accepted: 0, duplicates: 0 };
      if (page.memberships?.length) await store.upsertMemberships(page.memberships);
      await state.saveCheckpoint(source, page.checkpoint);
      counts.pages += 1;
      counts.stored += outcome.accepted;
      counts.duplicates += outcome.duplicates;
      counts.skipped += page.skipped ?? 0;
      counts.machineSuspected += page.machineSuspected ?? 0;
      const elapsed = Date.now() - started;
      const left =
        page.remaining !== undefined && counts.stored + counts.duplicates > 0
          ? `, about ${seconds((elapsed / (counts.stored + counts.duplicates)) * page.remaining)} left`
          : '';
      progress(
        `${source}: page ${counts.pages}: ${counts.stored} stored, ${counts.duplicates} duplicates skipped, ${counts.machineSuspected} possibly automated${left}`,
      );
    }
  } catch (caught) {
    error =
      caught instanceof SyncError
        ? caught.message
        : `${source}: ${caught instanceof Error ? caught.message : String(caught)}`;
  }
  const finished = Date.now();
  const finishedAt = new Date(finished).toISOString();
  await state.finishRun(source, { finishedAt, ok: error === null, error, counts });
  const summary: SyncSummary = {
    source,
    ok: error === null,
    error,
    startedAt,
    finishedAt,
    seconds: (finished - started) / 1000,
    ...counts,
  };
  progress(
    error === null
      ? `${source}: done in ${summary.seconds.toFixed(1)} s: ${counts.pages} pages, ${counts.stored} stored, ${counts.duplicates} duplicates skipped, ${counts.skipped} skipped, ${counts.machineSuspected} possibly automated, ${counts.rateLimitWaits} rate-limit waits`
      : `${source}: failed after ${counts.pages} stored pages: ${error}`,
  );
  return summary;
}

import type { Campaign, IngestEvent } from '../../utils/contract/schemas';
import type { ContactInput, MembershipInput } from '../store/types';

/**
 * What a connector hands the runner: one vendor page already mapped to Context API objects,
 * and the checkpoint that is true once this page is stored. The runner stores the page,
 * then moves the checkpoint, so a run killed between the two fetches the page again and
 * the event ids (`<system>:<vendor id>`) make the second store a no-op.
 */
export interface SyncPage {
  events: IngestEvent[];
  contacts?: ContactInput[];
  campaigns?: Campaign[];
  memberships?: MembershipInput[];
  /** Opaque to the runner; handed back to the connector on the next run. */
  checkpoint: string;
  /** Vendor records read but not stored (e.g. an activity whose lead has no email). */
  skipped?: number;
  /** Events marked `machine_suspected` in this page. */
  machineSuspected?: number;
  /** Estimated records still to fetch, when the vendor says. */
  remaining?: number;
}

/** Things a connector reports while it works, shown as progress lines. */
export type ConnectorNotice =
  | { kind: 'wait'; reason: string; ms: number }
  | { kind: 'retry'; reason: string; attempt: number }
  | { kind: 'info'; message: string };

export interface SyncStart {
  /** The checkpoint of the last committed page, or null on a first (or `--full`) run. */
  checkpoint: string | null;
  /** Where a first run starts. */
  since: Date;
  notify: (notice: ConnectorNotice) => void;
  signal?: AbortSignal;
}

export interface Connector {
  /** The system name: event ids, `source.system` and the sync state's key. */
  readonly system: string;
  pages(start: SyncStart): AsyncIterable<SyncPage>;
}

/** A fault a sync cannot get past: the message is the one line the user sees. */
export class SyncError extends Error {
  override name = 'SyncError';
}

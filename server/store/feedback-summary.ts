import type { FeedbackPageResult } from './types';

/** One row of a store's `GROUP BY kind, messaging_id, asset_id` count of feedback. */
export interface FeedbackCountRow {
  kind: string;
  messaging_id: string | null;
  asset_id: string | null;
  n: number;
}

/** The per-entry and per-asset counts every store answers with feedback, from its counts. */
export function summarizeFeedback(rows: Iterable<FeedbackCountRow>): FeedbackPageResult['summary'] {
  const summary: FeedbackPageResult['summary'] = { byMessaging: {}, byAsset: {} };
  for (const row of rows) {
    if (row.messaging_id !== null) {
      const entry = (summary.byMessaging[row.messaging_id] ??= {
        landed: 0,
        missed: 0,
        objections: 0,
      });
      if (row.kind === 'messaging_landed') entry.landed += row.n;
      if (row.kind === 'messaging_missed') entry.missed += row.n;
      if (row.kind === 'objection') entry.objections += row.n;
    }
    if (row.asset_id !== null) {
      const entry = (summary.byAsset[row.asset_id] ??= { helpful: 0, notHelpful: 0 });
      if (row.kind === 'content_helpful') entry.helpful += row.n;
      if (row.kind === 'content_not_helpful') entry.notHelpful += row.n;
    }
  }
  return summary;
}

/**
 * What the messaging library page shows, as pure functions of the background's answer:
 * sorting, the text filter and validity. No React, no browser API (tested in Node).
 */
import type { LibraryEntry } from '../../utils/protocol/page-to-background';
import type { Campaign } from '../../utils/contract/schemas';

export const SORT_ORDERS = {
  theme: 'Theme',
  missed: 'Most missed',
  objections: 'Most objections',
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;

export function isSortOrder(value: string): value is SortOrder {
  return Object.hasOwn(SORT_ORDERS, value);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Theme A→Z, then the newest version first, then id: two versions of a theme sit together. */
function byTheme(a: LibraryEntry, b: LibraryEntry): number {
  return (
    collator.compare(a.messaging.theme, b.messaging.theme) ||
    collator.compare(String(b.messaging.version ?? ''), String(a.messaging.version ?? '')) ||
    collator.compare(a.messaging.id, b.messaging.id)
  );
}

/** A new array in the chosen order; ties (and entries without feedback) fall back to theme. */
export function sortEntries(entries: readonly LibraryEntry[], order: SortOrder): LibraryEntry[] {
  const count = (entry: LibraryEntry) =>
    order === 'missed'
      ? (entry.feedback?.missed ?? 0)
      : order === 'objections'
        ? (entry.feedback?.objections ?? 0)
        : 0;
  return [...entries].sort((a, b) => count(b) - count(a) || byTheme(a, b));
}

/**
 * Entries whose text contains every word of `query` (case- and accent-insensitive): theme,
 * statement, id, owner, talking points, proof points, phrases to avoid, audience, campaign
 * ids and names, objections.
 */
export function filterEntries(
  entries: readonly LibraryEntry[],
  query: string,
  campaigns: ReadonlyMap<string, Campaign>,
): LibraryEntry[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const { messaging: m } = entry;
    const haystack = fold(
      [
        m.theme,
        m.statement,
        m.id,
        m.owner,
        String(m.version ?? ''),
        ...m.talkingPoints,
        ...(m.proofPoints ?? []),
        ...(m.avoid ?? []),
        ...(m.audience ?? []),
        ...(m.campaignIds ?? []).flatMap((id) => [id, campaigns.get(id)?.name]),
        ...entry.objections.map((o) => o.text),
      ]
        .filter((text): text is string => typeof text === 'string')
        .join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export type Validity = 'current' | 'expired' | 'upcoming' | 'unknown';

/** Whether the entry may be used at `now` (ms): expired once `validUntil` has passed. */
export function validityAt(
  entry: { validFrom?: string; validUntil?: string },
  now: number,
): Validity {
  const until = entry.validUntil ? Date.parse(entry.validUntil) : NaN;
  const from = entry.validFrom ? Date.parse(entry.validFrom) : NaN;
  if (!Number.isNaN(until) && until < now) return 'expired';
  if (!Number.isNaN(from) && from > now) return 'upcoming';
  return Number.isNaN(until) && Number.isNaN(from) ? 'unknown' : 'current';
}

/** The campaigns the entry names, with what the backends said about each (or only the id). */
export function campaignsOf(
  entry: LibraryEntry,
  campaigns: ReadonlyMap<string, Campaign>,
): Array<{ id: string; campaign?: Campaign }> {
  const ids = new Set(entry.messaging.campaignIds ?? []);
  // A campaign may name the messaging without the messaging naming it back.
  for (const campaign of campaigns.values()) {
    if (campaign.messagingIds?.includes(entry.messaging.id)) ids.add(campaign.id);
  }
  return [...ids].map((id) => {
    const campaign = campaigns.get(id);
    return campaign ? { id, campaign } : { id };
  });
}

/** A DOM id for an entry (ids come from backends: anything outside [\w-] is escaped). */
export function entryAnchor(messagingId: string): string {
  return `entry-${messagingId.replace(/[^\w-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/**
 * The page's path, optionally at one entry (`/library.html#entry-msg-tco-v2`): for
 * `browser.runtime.getURL` from the sidebar or the options page.
 */
export function libraryPath(messagingId?: string): '/library.html' | `/library.html#${string}` {
  return messagingId ? `/library.html#${entryAnchor(messagingId)}` : '/library.html';
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "12 Mar 2026", or the raw text when it is not a date. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : dateFormat.format(ms);
}

/** "3 days ago", "in 5 days", "today". */
export function relativeDays(iso: string, now: number): string {
  const days = Math.round((Date.parse(iso) - now) / 86_400_000);
  if (Number.isNaN(days)) return '';
  if (days === 0) return 'today';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days < 0 ? `${n} ${unit} ago` : `in ${n} ${unit}`;
}

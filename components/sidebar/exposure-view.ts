/**
 * How the sidebar's Messaging view words the contact's exposure: order, the line of
 * first/last exposure and touches, and one conflict flag per other entry, in the rep's terms
 * (theme and version, not ids). Pure: tested in Node.
 */
import type { Messaging } from '../../utils/contract/schemas';
import type { ExposureConflict, ExposureEntry } from '../../utils/consistency/exposure';
import { formatDate } from './format';

/** "Total cost of ownership v2": how the rep tells entries apart. */
export function messagingName(item: Messaging): string {
  return item.version === undefined ? item.theme : `${item.theme} v${item.version}`;
}

function time(iso: string | undefined): number | undefined {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Most recently heard first, like the timeline; entries with no known time (paged-out or
 * listed only) last, in the order exposure gave them.
 */
export function exposureOrder(entries: readonly ExposureEntry[]): ExposureEntry[] {
  const when = (entry: ExposureEntry) => time(entry.lastExposure) ?? time(entry.firstExposure);
  return entries
    .map((entry, index) => ({ entry, index, at: when(entry) }))
    .sort((a, b) => {
      if (a.at === undefined || b.at === undefined) {
        return a.at === b.at ? a.index - b.index : a.at === undefined ? 1 : -1;
      }
      return b.at - a.at || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

/** "Carried by 3 touches · first 12/10/2026 · last 02/11/2026", or why there is no date. */
export function exposureLine(entry: ExposureEntry): string {
  const touches =
    entry.touches === 0
      ? 'No loaded touch carried it'
      : `Carried by ${entry.touches === 1 ? '1 touch' : `${entry.touches} touches`}`;
  const first = formatDate(entry.firstExposure);
  const last = formatDate(entry.lastExposure);
  if (!first) return `${touches} · listed for this contact, date unknown`;
  if (!last || first === last) return `${touches} · seen ${first}`;
  return `${touches} · first seen ${first} · last ${last}`;
}

/** "the email “TCO nurture 1”, the campaign “Nurture: TCO”": how it reached them. */
export function exposureRoutes(entry: ExposureEntry, max = 3): string | undefined {
  const labels = [
    ...new Set(
      entry.via.flatMap((route) => {
        if (route.kind === 'listed' || !route.label) return [];
        const what = route.kind === 'engagement' ? '' : `${route.kind} `;
        return [`${what}“${route.label}”`];
      }),
    ),
  ];
  if (labels.length === 0) return undefined;
  const more = labels.length - max;
  return more > 0 ? `${labels.slice(0, max).join(', ')} and ${more} more` : labels.join(', ');
}

/** One flag per other entry: "Conflicts with Total cost of ownership v2" and the reasons. */
export interface ConflictFlag {
  withId: string;
  withName: string;
  /** Each after "Conflicts with <withName>: ", joined with "; ". */
  reasons: string[];
}

/** Why, after "Conflicts with <name>: " — "it" is the other entry. */
function reason(conflict: ExposureConflict): string {
  const text = conflict.text ? ` (“${conflict.text}”)` : '';
  switch (conflict.reason) {
    case 'uses-phrase-other-avoids':
      return `this says “${conflict.phrase ?? ''}”${text}, which it says to avoid`;
    case 'avoids-phrase-other-uses':
      return `this says to avoid “${conflict.phrase ?? ''}”, which it says${text}`;
    case 'same-theme':
      return 'both are versions of the same theme';
  }
}

export function conflictFlags(
  entry: ExposureEntry,
  byId: ReadonlyMap<string, Messaging>,
): ConflictFlag[] {
  const flags = new Map<string, ConflictFlag>();
  for (const conflict of entry.conflicts) {
    const other = byId.get(conflict.withId);
    const flag = flags.get(conflict.withId) ?? {
      withId: conflict.withId,
      withName: other ? messagingName(other) : conflict.withTheme,
      reasons: [],
    };
    const why = reason(conflict);
    if (!flag.reasons.includes(why)) flag.reasons.push(why);
    flags.set(conflict.withId, flag);
  }
  return [...flags.values()];
}

import { channelOfType } from '../../utils/contract/channels';
import type { Asset, Engagement } from '../../utils/contract/schemas';

/** Which possibly automated opens and clicks the timeline lists. */
export type AutomatedFilter = 'show' | 'hide' | 'only';

export interface TimelineFilter {
  /** Channels to list; empty lists every channel. */
  channels: ReadonlySet<string>;
  automated: AutomatedFilter;
}

export const NO_FILTER: TimelineFilter = { channels: new Set(), automated: 'show' };

/** The engagement's channel, else the one its type implies (`email.opened` → email). */
export function channelOf(engagement: Pick<Engagement, 'channel' | 'type'>): string {
  if (engagement.channel) return engagement.channel;
  return channelOfType(engagement.type);
}

export function isMachineSuspected(engagement: Pick<Engagement, 'confidence'>): boolean {
  return engagement.confidence === 'machine_suspected';
}

function passesAutomated(engagement: Engagement, automated: AutomatedFilter): boolean {
  if (automated === 'show') return true;
  return isMachineSuspected(engagement) === (automated === 'only');
}

export function applyTimelineFilter<T extends Engagement>(
  engagements: readonly T[],
  filter: TimelineFilter,
): T[] {
  return engagements.filter(
    (engagement) =>
      passesAutomated(engagement, filter.automated) &&
      (filter.channels.size === 0 || filter.channels.has(channelOf(engagement))),
  );
}

/**
 * Each channel present in `engagements` (most engagements first) with how many of them the
 * automated filter lets through: a chip's count is what pressing it lists.
 */
export function channelCounts(
  engagements: readonly Engagement[],
  automated: AutomatedFilter,
): [channel: string, count: number][] {
  const counts = new Map<string, { all: number; shown: number }>();
  for (const engagement of engagements) {
    const channel = channelOf(engagement);
    const entry = counts.get(channel) ?? { all: 0, shown: 0 };
    entry.all += 1;
    if (passesAutomated(engagement, automated)) entry.shown += 1;
    counts.set(channel, entry);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y.all - x.all || a.localeCompare(b))
    .map(([channel, { shown }]) => [channel, shown]);
}

/** What the loaded engagements tell about one asset: how often and when it was last touched. */
export interface AssetUse {
  asset: Asset;
  touches: number;
  /** ISO time of the newest engagement with this asset. */
  lastTouched?: string;
}

/** The assets with their use, most recently touched first, untouched ones last (as given). */
export function assetUse(assets: readonly Asset[], engagements: readonly Engagement[]): AssetUse[] {
  const uses = assets.map((asset): AssetUse => ({ asset, touches: 0 }));
  const byId = new Map(uses.map((use) => [use.asset.id, use]));
  for (const engagement of engagements) {
    const use = engagement.assetId === undefined ? undefined : byId.get(engagement.assetId);
    if (!use) continue;
    use.touches += 1;
    if (!use.lastTouched || Date.parse(engagement.occurredAt) > Date.parse(use.lastTouched)) {
      use.lastTouched = engagement.occurredAt;
    }
  }
  const time = (use: AssetUse) => (use.lastTouched ? Date.parse(use.lastTouched) : -Infinity);
  return uses
    .map((use, index) => ({ use, index }))
    .sort((a, b) => time(b.use) - time(a.use) || a.index - b.index)
    .map(({ use }) => use);
}

import { describe, expect, it } from 'vitest';
import type { Asset, Engagement } from '../../utils/contract/schemas';
import {
  applyTimelineFilter,
  assetUse,
  channelCounts,
  channelOf,
  NO_FILTER,
} from './timeline-filters';

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
const engagement = (id: string, extra: Partial<Engagement>): Engagement => ({
  id,
  type: 'web.page_viewed',
  occurredAt: at(1),
  title: id,
  ...extra,
});

const opened = engagement('open', { type: 'email.opened', confidence: 'machine_suspected' });
const clicked = engagement('click', { type: 'email.clicked', channel: 'email' });
const viewed = engagement('view', { channel: 'web' });
const ad = engagement('ad', { type: 'ad.clicked' });
const custom = engagement('custom', { type: 'custom.trial_started' });
const all = [opened, clicked, viewed, ad, custom];

describe('timeline filters', () => {
  it('takes the channel from the engagement, else from its type', () => {
    expect(all.map(channelOf)).toEqual(['email', 'email', 'web', 'ads', 'other']);
  });

  it('lists everything without a filter, only the pressed channels with one', () => {
    expect(applyTimelineFilter(all, NO_FILTER)).toEqual(all);
    expect(applyTimelineFilter(all, { ...NO_FILTER, channels: new Set(['email']) })).toEqual([
      opened,
      clicked,
    ]);
    expect(applyTimelineFilter(all, { ...NO_FILTER, channels: new Set(['web', 'other']) })).toEqual(
      [viewed, custom],
    );
  });

  it('hides or keeps only the possibly automated ones, combined with channels', () => {
    expect(applyTimelineFilter(all, { ...NO_FILTER, automated: 'only' })).toEqual([opened]);
    expect(applyTimelineFilter(all, { ...NO_FILTER, automated: 'hide' })).not.toContain(opened);
    expect(applyTimelineFilter(all, { channels: new Set(['web']), automated: 'only' })).toEqual([]);
  });

  it('counts each present channel under the automated filter, busiest first', () => {
    expect(channelCounts(all, 'show')).toEqual([
      ['email', 2],
      ['ads', 1],
      ['other', 1],
      ['web', 1],
    ]);
    expect(channelCounts(all, 'hide')[0]).toEqual(['email', 1]);
  });
});

describe('asset use', () => {
  const asset = (id: string): Asset => ({ id, title: id });
  it('counts touches and the last one, most recent first, untouched last in given order', () => {
    const uses = assetUse(
      [asset('never'), asset('old'), asset('recent'), asset('also-never')],
      [
        engagement('a', { assetId: 'old', occurredAt: at(2) }),
        engagement('b', { assetId: 'recent', occurredAt: at(5) }),
        engagement('c', { assetId: 'old', occurredAt: at(3) }),
        engagement('d', { assetId: 'unknown', occurredAt: at(9) }),
      ],
    );
    expect(uses.map((use) => [use.asset.id, use.touches, use.lastTouched])).toEqual([
      ['recent', 1, at(5)],
      ['old', 2, at(3)],
      ['never', 0, undefined],
      ['also-never', 0, undefined],
    ]);
  });
});

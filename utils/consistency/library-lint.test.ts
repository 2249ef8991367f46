import { describe, expect, it } from 'vitest';
import type { Campaign, Messaging } from '../contract/schemas';
import { buildDemoDataset, DEMO_SCENARIOS } from '../../server/seed/demo';
import { lintLibrary } from './library-lint';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const msg = (id: string, extra: Partial<Messaging> = {}): Messaging => ({
  id,
  theme: `Theme of ${id}`,
  statement: `Statement of ${id}.`,
  talkingPoints: [],
  ...extra,
});

describe('lintLibrary', () => {
  it('reports a talking point using a phrase other entries avoid, naming all of them', () => {
    const findings = lintLibrary(
      [
        msg('m-a', { talkingPoints: ['We rip and replaced the old scheduler'] }),
        msg('m-b', { avoid: ['Rip & Replace'] }),
        msg('m-c', { avoid: ['rip and replace', 'old'] }),
      ],
      [],
      { now: NOW },
    );
    expect(findings.map((f) => [f.kind, f.severity, f.messagingIds, f.phrase])).toEqual([
      ['uses-avoided-phrase', 'error', ['m-a', 'm-b', 'm-c'], 'Rip & Replace'],
      ['uses-avoided-phrase', 'error', ['m-a', 'm-c'], 'old'],
    ]);
    expect(findings[0]!.message).toContain('Reword the talking point');
    expect(findings[0]!.message).toContain('m-b');
    expect(findings[0]!.message).toContain('m-c');
  });

  it('reports an entry whose statement uses its own avoided phrase', () => {
    const [finding] = lintLibrary(
      [msg('m-a', { statement: 'It is bulletproof.', avoid: ['bulletproof'] })],
      [],
      { now: NOW },
    );
    expect(finding).toMatchObject({ kind: 'uses-avoided-phrase', messagingIds: ['m-a'] });
    expect(finding!.message).toContain('its own avoid list');
  });

  it('does not report words inside longer words or phrases split across sentences', () => {
    expect(
      lintLibrary(
        [
          msg('m-a', { talkingPoints: ['Cheapestly priced', 'We rip. And replace later'] }),
          msg('m-b', { avoid: ['cheapest', 'rip and replace'] }),
        ],
        [],
        { now: NOW },
      ),
    ).toEqual([]);
  });

  it('reports two versions of a theme valid at once, not a clean succession', () => {
    const v1 = msg('m-v1', {
      theme: 'Pricing',
      version: 1,
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2026-03-01T00:00:00Z',
    });
    const v2 = msg('m-v2', { theme: 'PRICING', version: 2, validFrom: '2026-03-01T00:00:00Z' });
    const v3 = msg('m-v3', { theme: 'pricing', version: 3 });
    expect(lintLibrary([v1, v2], [], { now: NOW })).toEqual([]);
    const findings = lintLibrary([v1, v2, v3], [], { now: NOW });
    expect(findings.map((f) => [f.kind, f.messagingIds])).toEqual([
      ['same-theme-overlap', ['m-v3', 'm-v1']],
      ['same-theme-overlap', ['m-v3', 'm-v2']],
    ]);
  });

  it('reports expired entries on active campaigns, by either link, and nothing without campaigns', () => {
    const expired = msg('m-old', { validUntil: '2026-04-01T00:00:00Z', campaignIds: ['c-2'] });
    const campaigns: Campaign[] = [
      { id: 'c-1', name: 'Nurture', status: 'active', messagingIds: ['m-old'] },
      { id: 'c-2', name: 'Ads', status: 'active' },
      { id: 'c-3', name: 'Old webinar', status: 'completed', messagingIds: ['m-old'] },
    ];
    expect(lintLibrary([expired], campaigns, { now: NOW }).map((f) => f.campaignIds)).toEqual([
      ['c-1'],
      ['c-2'],
    ]);
    expect(lintLibrary([expired], [], { now: NOW })).toEqual([]);
    expect(lintLibrary([expired], campaigns, { now: Date.parse('2026-03-01T00:00:00Z') })).toEqual(
      [],
    );
  });

  it('is quiet on an empty library', () => {
    expect(lintLibrary([], [], { now: NOW })).toEqual([]);
  });

  it('finds what the demo data planted', () => {
    const now = new Date('2026-05-01T09:00:00Z');
    const { messaging, campaigns } = buildDemoDataset({ now });
    const findings = lintLibrary(messaging, campaigns, { now: now.getTime() });
    const [v1, v2] = DEMO_SCENARIOS.conflictingPair;
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'uses-avoided-phrase',
        phrase: DEMO_SCENARIOS.conflictingPhrase,
        messagingIds: expect.arrayContaining([v1, v2]),
      }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({
        kind: 'expired-on-active-campaign',
        messagingIds: [DEMO_SCENARIOS.expiredOnActive.messagingId],
        campaignIds: [DEMO_SCENARIOS.expiredOnActive.campaignId],
      }),
    );
    // Nothing else is wrong with the demo library.
    expect(findings).toHaveLength(2);
  });
});

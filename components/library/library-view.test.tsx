import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../utils/protocol/page-to-background';
import type { Campaign, Messaging } from '../../utils/contract/schemas';
import {
  campaignsOf,
  entryAnchor,
  filterEntries,
  relativeDays,
  sortEntries,
  validityAt,
} from './library-view';

/** The library page's pure view logic (test file is .tsx: the unit project's pattern here). */

function entry(
  messaging: Partial<Messaging> & { id: string },
  feedback?: LibraryEntry['feedback'],
): LibraryEntry {
  return {
    messaging: { theme: messaging.id, statement: '', talkingPoints: [], ...messaging },
    backendId: 'b',
    objections: [],
    ...(feedback ? { feedback } : {}),
  };
}

const counts = (landed: number, missed: number, objections: number) => ({
  landed,
  missed,
  objections,
});
const ids = (entries: LibraryEntry[]) => entries.map((e) => e.messaging.id);

describe('sortEntries', () => {
  const entries = [
    entry({ id: 'b', theme: 'Beta' }, counts(0, 1, 5)),
    entry({ id: 'a2', theme: 'alpha', version: 2 }, counts(3, 0, 0)),
    entry({ id: 'c', theme: 'Gamma' }),
    entry({ id: 'a10', theme: 'Alpha', version: 10 }, counts(0, 4, 1)),
  ];

  it('orders by theme, newest version first, case-insensitively', () => {
    expect(ids(sortEntries(entries, 'theme'))).toEqual(['a10', 'a2', 'b', 'c']);
  });

  it('puts the most missed and the most objected first, ties by theme', () => {
    expect(ids(sortEntries(entries, 'missed'))).toEqual(['a10', 'b', 'a2', 'c']);
    expect(ids(sortEntries(entries, 'objections'))).toEqual(['b', 'a10', 'a2', 'c']);
  });

  it('does not reorder its input', () => {
    sortEntries(entries, 'missed');
    expect(ids(entries)).toEqual(['b', 'a2', 'c', 'a10']);
  });
});

describe('filterEntries', () => {
  const campaigns = new Map<string, Campaign>([
    ['cmp-1', { id: 'cmp-1', name: 'Spring Café Nurture', status: 'active' }],
  ]);
  const entries = [
    entry({ id: 'm-1', theme: 'TCO', avoid: ['Rip and replace'], campaignIds: ['cmp-1'] }),
    entry({ id: 'm-2', theme: 'Security', talkingPoints: ['SOC 2 certified'], owner: 'PMM' }),
  ];

  it('matches every word, case- and accent-insensitively, across fields', () => {
    expect(ids(filterEntries(entries, '  rip REPLACE ', campaigns))).toEqual(['m-1']);
    expect(ids(filterEntries(entries, 'cafe', campaigns))).toEqual(['m-1']);
    expect(ids(filterEntries(entries, 'soc pmm', campaigns))).toEqual(['m-2']);
    expect(ids(filterEntries(entries, 'soc rip', campaigns))).toEqual([]);
    expect(ids(filterEntries(entries, '', campaigns))).toEqual(['m-1', 'm-2']);
  });
});

describe('validityAt', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it('says expired once validUntil has passed, upcoming before validFrom', () => {
    expect(validityAt({ validUntil: '2026-05-31T23:59:59Z' }, now)).toBe('expired');
    expect(validityAt({ validFrom: '2026-06-02T00:00:00Z' }, now)).toBe('upcoming');
    expect(
      validityAt({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' }, now),
    ).toBe('current');
    expect(validityAt({}, now)).toBe('unknown');
  });

  it('words relative days', () => {
    expect(relativeDays('2026-05-29T00:00:00Z', now)).toBe('3 days ago');
    expect(relativeDays('2026-06-02T00:00:00Z', now)).toBe('in 1 day');
  });
});

describe('campaignsOf', () => {
  it('lists the campaigns the entry names and those that name it, unknown ones by id', () => {
    const campaigns = new Map<string, Campaign>([
      ['cmp-a', { id: 'cmp-a', name: 'A', messagingIds: ['m'] }],
      ['cmp-b', { id: 'cmp-b', name: 'B' }],
    ]);
    expect(campaignsOf(entry({ id: 'm', campaignIds: ['cmp-x'] }), campaigns)).toEqual([
      { id: 'cmp-x' },
      { id: 'cmp-a', campaign: campaigns.get('cmp-a') },
    ]);
  });
});

describe('entryAnchor', () => {
  it('gives distinct, safe ids', () => {
    expect(entryAnchor('msg-tco_v1')).toBe('entry-msg-tco_v1');
    expect(entryAnchor('a b')).not.toBe(entryAnchor('a/b'));
    expect(entryAnchor('"><x')).toMatch(/^entry-[\w-]+$/);
  });
});

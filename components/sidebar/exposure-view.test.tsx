import { describe, expect, it } from 'vitest';
import type { Messaging } from '../../utils/contract/schemas';
import type { ExposureEntry } from '../../utils/consistency/exposure';
import { conflictFlags, exposureLine, exposureOrder, exposureRoutes } from './exposure-view';

const messaging = (id: string, theme: string, version?: number): Messaging => ({
  id,
  theme,
  statement: `${theme} statement`,
  talkingPoints: [],
  ...(version === undefined ? {} : { version }),
});

const entry = (id: string, extra: Partial<ExposureEntry> = {}): ExposureEntry => ({
  messagingId: id,
  messaging: messaging(id, id),
  touches: 0,
  via: [],
  outdated: false,
  conflicts: [],
  ...extra,
});

describe('exposure in the Messaging view', () => {
  it('orders by the last exposure, newest first; undated entries last, as given', () => {
    const ordered = exposureOrder([
      entry('undated-a'),
      entry('old', { firstExposure: '2026-01-01T00:00:00Z', lastExposure: '2026-02-01T00:00:00Z' }),
      entry('undated-b'),
      entry('new', { firstExposure: '2026-01-15T00:00:00Z', lastExposure: '2026-03-01T00:00:00Z' }),
      entry('first-only', { firstExposure: '2026-02-15T00:00:00Z' }),
    ]);
    expect(ordered.map((e) => e.messagingId)).toEqual([
      'new',
      'first-only',
      'old',
      'undated-a',
      'undated-b',
    ]);
  });

  it('says how often and when, or that the date is unknown', () => {
    expect(
      exposureLine(
        entry('a', {
          touches: 3,
          firstExposure: '2026-01-01T12:00:00Z',
          lastExposure: '2026-03-01T12:00:00Z',
        }),
      ),
    ).toMatch(/^Carried by 3 touches · first seen .+ · last .+$/);
    expect(
      exposureLine(
        entry('a', {
          touches: 1,
          firstExposure: '2026-01-01T12:00:00Z',
          lastExposure: '2026-01-01T12:00:00Z',
        }),
      ),
    ).toMatch(/^Carried by 1 touch · seen [^·]+$/);
    expect(exposureLine(entry('a'))).toBe(
      'No loaded touch carried it · listed for this contact, date unknown',
    );
  });

  it('names the routes once each, and how many more', () => {
    const via = ['One', 'Two', 'Two', 'Three', 'Four'].map((label) => ({
      kind: 'asset' as const,
      label,
      touches: 1,
    }));
    expect(exposureRoutes(entry('a', { via }))).toBe(
      'asset “One”, asset “Two”, asset “Three” and 1 more',
    );
    expect(exposureRoutes(entry('a', { via: [{ kind: 'listed', touches: 0 }] }))).toBeUndefined();
  });

  it('gives one flag per other entry, by its theme and version, with every reason', () => {
    const v1 = messaging('tco-1', 'TCO', 1);
    const v2 = messaging('tco-2', 'TCO', 2);
    const flags = conflictFlags(
      entry('tco-2', {
        messaging: v2,
        conflicts: [
          {
            withId: 'tco-1',
            withTheme: 'TCO',
            reason: 'avoids-phrase-other-uses',
            phrase: 'rip and replace',
            text: 'Rip and replace it',
            message: '',
          },
          { withId: 'tco-1', withTheme: 'TCO', reason: 'same-theme', message: '' },
          { withId: 'gone', withTheme: 'Gone theme', reason: 'same-theme', message: '' },
        ],
      }),
      new Map([
        ['tco-1', v1],
        ['tco-2', v2],
      ]),
    );
    expect(flags).toEqual([
      {
        withId: 'tco-1',
        withName: 'TCO v1',
        reasons: [
          'this says to avoid “rip and replace”, which it says (“Rip and replace it”)',
          'both are versions of the same theme',
        ],
      },
      { withId: 'gone', withName: 'Gone theme', reasons: ['both are versions of the same theme'] },
    ]);
  });
});

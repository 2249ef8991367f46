import { describe, expect, it } from 'vitest';
import { mergeContactContext, type BackendOutcome } from './context-merge';
import type { Engagement, LookupResult } from '../contract/schemas';

const EMAIL = 'jane@client.example';
const NOW = Date.parse('2026-06-01T12:00:00Z');

function engagement(id: string, occurredAt: string, system?: string): Engagement {
  return {
    id,
    type: 'email.opened',
    occurredAt,
    title: id,
    ...(system ? { source: { system } } : {}),
  };
}

function matched(name: string, extra: Partial<LookupResult> = {}): LookupResult {
  return {
    ref: { email: EMAIL },
    match: { status: 'matched' },
    contact: { id: `c-${name}`, email: EMAIL, name, updatedAt: '2026-05-01T00:00:00Z' },
    ...extra,
  };
}

function outcome(backendId: string, fields: Partial<BackendOutcome>): BackendOutcome {
  return { backendId, name: backendId.toUpperCase(), fetchedAt: NOW, ...fields };
}

describe('mergeContactContext', () => {
  it('takes contact fields from the first backend that matched, in the admin’s order', () => {
    const context = mergeContactContext(
      EMAIL,
      [
        outcome('a', { result: { ref: { email: EMAIL }, match: { status: 'not_found' } } }),
        outcome('b', { result: matched('From B') }),
        outcome('c', { result: matched('From C') }),
      ],
      NOW,
    );
    expect(context).toMatchObject({
      state: 'ok',
      contact: { name: 'From B' },
      contactBackendId: 'b',
    });
    expect(context.sources.map((s) => s.state)).toEqual(['not_found', 'ok', 'ok']);
  });

  it('de-duplicates engagements by (source system or backend, id), newest first', () => {
    const context = mergeContactContext(
      EMAIL,
      [
        outcome('a', {
          result: matched('A', {
            engagements: [
              engagement('e1', '2026-05-03T00:00:00Z', 'marketo'),
              engagement('x', '2026-05-01T00:00:00Z'),
            ],
          }),
        }),
        outcome('b', {
          result: matched('B', {
            engagements: [
              engagement('e2', '2026-05-04T00:00:00Z', 'marketo'),
              engagement('e1', '2026-05-03T00:00:00Z', 'marketo'),
              // Same id, no source: another backend's own engagement, kept.
              engagement('x', '2026-05-02T00:00:00Z'),
            ],
          }),
        }),
      ],
      NOW,
    );
    expect(context.engagements.map((e) => `${e.backendId}:${e.id}`)).toEqual([
      'b:e2',
      'a:e1',
      'b:x',
      'a:x',
    ]);
  });

  it('merges campaigns, assets, messaging and highlights by id, first backend wins', () => {
    const context = mergeContactContext(
      EMAIL,
      [
        outcome('a', {
          result: matched('A', {
            campaigns: [{ id: 'k1', name: 'From A' }],
            assets: [{ id: 's1', title: 'A' }],
            messaging: [{ id: 'm1', theme: 'A', statement: 's', talkingPoints: [] }],
            highlights: [{ title: 'Opened', engagementId: 'e1' }],
          }),
        }),
        outcome('b', {
          result: matched('B', {
            campaigns: [
              { id: 'k1', name: 'From B' },
              { id: 'k2', name: 'Only B' },
            ],
            assets: [{ id: 's1', title: 'B' }],
            messaging: [{ id: 'm2', theme: 'B', statement: 's', talkingPoints: [] }],
            highlights: [{ title: 'Opened again', engagementId: 'e1' }],
          }),
        }),
      ],
      NOW,
    );
    expect(context.campaigns.map((c) => c.name)).toEqual(['From A', 'Only B']);
    expect(context.assets.map((a) => a.title)).toEqual(['A']);
    expect(context.messaging.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(context.highlights).toHaveLength(1);
  });

  it('keeps the other backends’ data when one fails, and says which failed', () => {
    const context = mergeContactContext(
      EMAIL,
      [
        outcome('a', { failure: { state: 'timeout', message: 'did not answer in time.' } }),
        outcome('b', { result: matched('B') }),
      ],
      NOW,
    );
    expect(context).toMatchObject({ state: 'ok', contact: { name: 'B' } });
    expect(context.sources[0]).toMatchObject({
      state: 'timeout',
      message: 'did not answer in time.',
    });
    expect(context.message).toBe('A: did not answer in time.');
  });

  it('reports the first failure when every backend failed', () => {
    const context = mergeContactContext(
      EMAIL,
      [
        outcome('a', { failure: { state: 'unauthorized', message: 'key refused.' } }),
        outcome('b', { failure: { state: 'unreachable', message: 'no route.' } }),
      ],
      NOW,
    );
    expect(context).toMatchObject({ state: 'unauthorized', message: 'A: key refused.' });
  });

  it('marks stale data with its age', () => {
    const context = mergeContactContext(
      EMAIL,
      [
        outcome('a', {
          result: matched('A'),
          stale: true,
          fetchedAt: NOW - 60_000,
          failure: { state: 'server_error', message: 'HTTP 503.' },
        }),
      ],
      NOW,
    );
    expect(context).toMatchObject({ state: 'ok', stale: true, ageMs: 60_000 });
    expect(context.sources[0]).toMatchObject({ state: 'server_error', stale: true, ageMs: 60_000 });
  });

  it('says not_configured without backends', () => {
    expect(mergeContactContext(EMAIL, [], NOW).state).toBe('not_configured');
  });
});

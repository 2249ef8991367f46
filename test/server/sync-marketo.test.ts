import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarketoConnector } from '../../server/connectors/marketo';
import { SqliteStore } from '../../server/store/sqlite';
import { runSync } from '../../server/sync/runner';
import { syncSourcesFor } from '../../server/sync/sources';
import { SqliteSyncStateStore } from '../../server/sync/state';
import { makeActivities, startFakeMarketo, type FakeMarketo } from './fake-marketo';

let dir: string;
let dbPath: string;
let fake: FakeMarketo;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tp-sync-'));
  dbPath = join(dir, 'touchpoint.db');
  fake = await startFakeMarketo();
});
afterEach(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const since = new Date('2026-01-01T00:00:00Z');

async function sync(options: { full?: boolean; secret?: string; timeoutMs?: number } = {}) {
  const store = new SqliteStore(dbPath);
  const state = new SqliteSyncStateStore(dbPath);
  const lines: string[] = [];
  try {
    const connector = new MarketoConnector({
      baseUrl: fake.url,
      clientId: 'id',
      clientSecret: options.secret ?? 'secret',
      rateLimitWaitMs: 20,
      backoffMs: 10,
      timeoutMs: options.timeoutMs ?? 5_000,
    });
    const summary = await runSync({
      connector,
      store,
      state,
      since,
      full: options.full,
      progress: (l) => lines.push(l),
    });
    return { summary, lines, states: await state.list() };
  } finally {
    await state.close();
    await store.close();
  }
}

function engagementRows() {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare<[], { id: string; type: string; data: string }>(
        'SELECT id, type, data FROM engagements',
      )
      .all();
  } finally {
    db.close();
  }
}

function load(count: number, leads: number) {
  const data = makeActivities(count, leads);
  fake.activities = data.activities;
  fake.leads = data.leads;
  fake.programs = [{ id: 7, name: 'Q1 Webinar', type: 'Event with Webinar', status: '' }];
  // 'New Lead' (type 12) is not imported.
  return data.activities.filter((a) => a.activityTypeId !== 12).length;
}

describe('Marketo sync against a local Marketo', () => {
  it('stores every mapped activity once, with its source, then fetches only what is new', async () => {
    const expected = load(1000, 40);
    fake.pageSize = 300;
    const first = await sync();
    expect(first.summary).toMatchObject({ ok: true, stored: expected, duplicates: 0 });
    // The type filter keeps 'New Lead' out of the pages.
    expect(first.summary.skipped).toBe(0);
    const rows = engagementRows();
    expect(rows).toHaveLength(expected);
    const click = rows.find((r) => r.type === 'email.clicked')!;
    expect(JSON.parse(click.data)).toMatchObject({
      source: { system: 'marketo', rawType: 'Click Email' },
      url: 'https://example.com/guide',
      confidence: 'human',
    });
    expect(rows.every((r) => /^marketo:\d+$/.test(r.id))).toBe(true);
    const proxied = rows.filter((r) => JSON.parse(r.data).confidence === 'machine_suspected');
    expect(proxied.length).toBe(first.summary.machineSuspected);
    expect(proxied.length).toBeGreaterThan(0);
    // Activity type ids go at most 10 a call.
    expect(first.lines.join('\n')).toMatch(/done in/);

    // Programs become campaigns, progression changes memberships.
    const store = new SqliteStore(dbPath);
    const [contact] = await store.findContacts({ email: 'lead9@example.com' });
    expect(contact).toMatchObject({
      name: 'Lead 9',
      title: 'VP Marketing',
      company: { name: 'Example Corp' },
    });
    const memberships = await store.listCampaignMemberships(contact!.id);
    expect(memberships[0]).toMatchObject({
      id: 'marketo:program:7',
      name: 'Q1 Webinar',
      type: 'webinar',
      memberStatus: 'Registered',
    });
    await store.close();

    const again = await sync();
    expect(again.summary).toMatchObject({ ok: true, stored: 0, duplicates: 0 });

    const more = makeActivities(1100, 40).activities.slice(1000);
    fake.activities.push(...more);
    const third = await sync();
    expect(third.summary.stored).toBe(more.filter((a) => a.activityTypeId !== 12).length);
    expect(engagementRows()).toHaveLength(expected + third.summary.stored);

    const full = await sync({ full: true });
    expect(full.summary).toMatchObject({ ok: true, stored: 0 });
    expect(full.summary.duplicates).toBe(expected + third.summary.stored);

    const { sources, connectors } = syncSourcesFor(full.states);
    expect(sources).toEqual([
      { system: 'marketo', fetchedAt: full.summary.finishedAt, partial: false, error: null },
    ]);
    expect(connectors[0]!.lastRun).toMatchObject({ ok: true, counts: { stored: 0 } });
  });

  it('gets past rate limits, an expired token mid-run, 5xx, a timeout and success:false', async () => {
    const expected = load(900, 30);
    fake.pageSize = 200;
    fake.faults.set('/rest/v1/activities.json', [
      { kind: 'code', code: '606', message: 'Max rate limit exceeded' },
      { kind: 'status', status: 503 },
      { kind: 'code', code: '615', message: 'Concurrent access limit reached' },
    ]);
    fake.faults.set('/rest/v1/leads.json', [
      { kind: 'code', code: '602', message: 'Access token expired' },
      { kind: 'hang' },
      { kind: 'code', code: '611', message: 'System error' },
    ]);
    const { summary, lines } = await sync({ timeoutMs: 300 });
    expect(summary).toMatchObject({ ok: true, stored: expected, duplicates: 0 });
    expect(summary.rateLimitWaits).toBe(2);
    expect(fake.calls.filter((c) => c === '/identity/oauth/token')).toHaveLength(2);
    expect(lines.join('\n')).toMatch(/token expired: signing in again/);
    expect(lines.join('\n')).toMatch(/timed out/);
    expect(engagementRows()).toHaveLength(expected);
  });

  it('stops at a malformed page, names what was wrong, stores nothing of it and resumes after', async () => {
    const expected = load(900, 30);
    fake.pageSize = 300;
    const good = { success: true, requestId: 'x', nextPageToken: 'P600', result: [] };
    fake.faults.set('/rest/v1/activities.json', [
      {
        kind: 'json',
        body: {
          ...good,
          nextPageToken: 'P300',
          moreResult: true,
          result: fake.activities.slice(0, 300),
        },
      },
      { kind: 'json', body: good },
    ]);
    const broken = await sync();
    expect(broken.summary.ok).toBe(false);
    expect(broken.summary.error).toMatch(/activities page 2 .*moreResult/);
    const storedFirst = engagementRows().length;
    expect(storedFirst).toBe(
      fake.activities.slice(0, 300).filter((a) => a.activityTypeId !== 12).length,
    );
    const { sources } = syncSourcesFor(broken.states);
    expect(sources[0]).toMatchObject({
      system: 'marketo',
      partial: true,
      error: broken.summary.error,
    });

    const fixed = await sync();
    expect(fixed.summary.ok).toBe(true);
    expect(engagementRows()).toHaveLength(expected);
    const { sources: after } = syncSourcesFor(fixed.states);
    expect(after[0]).toMatchObject({ partial: false, error: null });
  });

  it('says plainly when the credentials are wrong or the host is unreachable', async () => {
    load(10, 2);
    const wrong = await sync({ secret: 'nope' });
    expect(wrong.summary.error).toBe(
      'marketo: wrong credentials (Bad client credentials): check --client-id and --client-secret',
    );
    await fake.close();
    const unreachable = await sync();
    expect(unreachable.summary.error).toMatch(
      /^marketo: token unreachable \(ECONNREFUSED\) after 5 attempts/,
    );
  });
});

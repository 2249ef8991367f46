import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LookupResponse } from '../../utils/contract/schemas';
import { DEMO_PROMINENT_CONTACTS as prominent } from '../../server/seed/demo';
import { makeTempDir, startTestServer, type TestServer } from './harness';

const dirs: string[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-06-01T12:00:00Z');

async function summary(server: TestServer, emails: readonly string[]) {
  const response = await server.call('POST', '/v1/lookup', {
    key: 'read',
    json: { contacts: emails.map((email) => ({ email })), engagementLimit: 200 },
  });
  expect(response.status).toBe(200);
  return LookupResponse.parse(response.body).results.map((r) => ({
    status: r.match.status,
    engagements: r.engagements?.length ?? 0,
    campaigns: r.campaigns?.length ?? 0,
  }));
}

describe('--seed demo', () => {
  it('loads the demo dataset into an empty database once; a restart neither loses nor duplicates it', async () => {
    expect(prominent.length).toBeGreaterThan(0);
    const dir = await makeTempDir();
    dirs.push(dir);

    const first = await startTestServer({ dir, seed: 'demo', now: NOW });
    servers.push(first);
    const contacts = await first.store.countContacts();
    expect(contacts).toBeGreaterThan(0);
    const before = await summary(first, prominent);
    expect(before.every((r) => r.status === 'matched')).toBe(true);
    expect(before.some((r) => r.engagements > 0)).toBe(true);
    const demoPage = await fetch(`${first.url}/demo`).then((r) => r.text());
    for (const email of prominent.slice(0, 3)) expect(demoPage).toContain(`mailto:${email}`);
    await first.close();

    const second = await startTestServer({ dir, seed: 'demo', now: new Date() });
    servers.push(second);
    expect(await second.store.countContacts()).toBe(contacts);
    expect(await summary(second, prominent)).toEqual(before);
  });
});

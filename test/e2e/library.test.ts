import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import { DEMO_SCENARIOS } from '../../server/seed/demo';
import { FeedbackList, MessagingList } from '../../utils/contract/schemas';
import { lintLibrary } from '../../utils/consistency/library-lint';
import { screenshot, unexpectedProblems, withExtension } from './harness';

/**
 * The messaging library page against the reference server's demo data:
 * every expected value is read from the server in the test, not written down here.
 */

let server: RunningServer;
let dataDir: string;

/** A messaging entry that gets extra "missed" feedback, so "most missed" has one clear leader. */
const MOST_MISSED = 'msg-integrations';

async function api(path: string, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${DEMO_KEYS.read}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  expect(response.ok, `${path}: HTTP ${response.status}`).toBe(true);
  return response.json();
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-library-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'touchpoint.db'),
    seed: 'demo',
    log: () => {},
  });
  for (const n of [1, 2, 3]) {
    await api('/v1/feedback', {
      method: 'POST',
      body: JSON.stringify({
        id: `fb-e2e-library-missed-${n}`,
        contact: { email: 'dana.whitfield@acme-logistics.example' },
        kind: 'messaging_missed',
        messagingId: MOST_MISSED,
        text: 'The connector count did not impress them.',
      }),
    });
  }
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openLibrary(page: Page): Promise<void> {
  await page.locator('article[data-messaging-id]').first().waitFor({ timeout: 20_000 });
}

const entryIds = (page: Page) =>
  page
    .locator('article[data-messaging-id]')
    .evaluateAll((articles) => articles.map((a) => a.getAttribute('data-messaging-id')));

describe('the messaging library page', () => {
  it('lists the library with its feedback, sorts and filters it', async () => {
    const { messaging, campaigns = [] } = MessagingList.parse(await api('/v1/messaging'));
    const { summary } = FeedbackList.parse(await api('/v1/feedback'));
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await s.openExtensionPage('library.html');
      await openLibrary(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Messaging library');

      // Every entry, with its landed / missed / objection counts as the server reports them.
      expect((await entryIds(page)).sort()).toEqual(messaging.map((m) => m.id).sort());
      for (const m of messaging) {
        const article = page.locator(`article[data-messaging-id="${m.id}"]`);
        expect(await article.getByRole('heading', { level: 3 }).textContent()).toContain(m.theme);
        const counts = summary.byMessaging[m.id];
        if (!counts) {
          expect(await article.getByText('No feedback from reps.').count()).toBe(1);
          continue;
        }
        for (const kind of ['landed', 'missed', 'objections'] as const) {
          expect(await article.locator(`[data-count="${kind}"] strong`).textContent(), m.id).toBe(
            String(counts[kind]),
          );
        }
      }
      expect(summary.byMessaging[MOST_MISSED]?.missed).toBeGreaterThan(0);

      // The expired entry is marked, and its campaign shows its status.
      const { messagingId, campaignId } = DEMO_SCENARIOS.expiredOnActive;
      const expired = page.locator(`article[data-messaging-id="${messagingId}"]`);
      expect(await expired.locator('[data-validity]').getAttribute('data-validity')).toBe(
        'expired',
      );
      const campaign = campaigns.find((c) => c.id === campaignId);
      expect(await expired.locator(`[data-campaign-id="${campaignId}"]`).textContent()).toContain(
        `${campaign?.name} active`,
      );

      // The library check at the top: every finding of the lint, the planted ones named.
      const findings = page.locator('.findings li[data-kind]');
      expect(await findings.count()).toBe(lintLibrary(messaging, campaigns).length);
      const conflict = page
        .locator('.findings li[data-kind="uses-avoided-phrase"]')
        .filter({ hasText: DEMO_SCENARIOS.conflictingPhrase });
      expect(await conflict.count()).toBeGreaterThan(0);
      const linked = await conflict
        .first()
        .locator('a[data-messaging-id]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('data-messaging-id')));
      for (const id of DEMO_SCENARIOS.conflictingPair) expect(linked).toContain(id);
      const expiredFinding = page.locator('.findings li[data-kind="expired-on-active-campaign"]');
      expect(await expiredFinding.count()).toBe(1);
      expect(
        await expiredFinding.locator('a[data-messaging-id]').getAttribute('data-messaging-id'),
      ).toBe(messagingId);
      expect(await expiredFinding.textContent()).toContain(`${campaign?.name} (active)`);

      // The latest objection on an entry is the server's newest.
      const objected = Object.entries(summary.byMessaging).find(([, c]) => c.objections > 0);
      expect(objected).toBeDefined();
      const [objectedId] = objected as [string, unknown];
      const { feedback } = FeedbackList.parse(
        await api(`/v1/feedback?messagingId=${encodeURIComponent(objectedId)}`),
      );
      const newest = feedback.filter((f) => f.kind === 'objection')[0];
      expect(
        await page
          .locator(`article[data-messaging-id="${objectedId}"] .objections li p`)
          .first()
          .textContent(),
      ).toBe(newest?.text);

      // Content feedback: by asset id, as the summary has it.
      for (const [assetId, counts] of Object.entries(summary.byAsset)) {
        const row = page.locator(`tr[data-asset-id="${assetId}"]`);
        expect(await row.locator('[data-count="helpful"]').textContent()).toBe(
          String(counts.helpful),
        );
        expect(await row.locator('[data-count="notHelpful"]').textContent()).toBe(
          String(counts.notHelpful),
        );
      }

      await screenshot(page, 'library');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'library-dark');
      await page.emulateMedia({ colorScheme: 'light' });

      // Most missed first: the entry the server counts the most "missed" for.
      const ranked = Object.entries(summary.byMessaging).sort(
        ([, a], [, b]) => b.missed - a.missed,
      );
      expect(ranked[0]?.[0]).toBe(MOST_MISSED);
      expect(ranked[0]?.[1].missed).toBeGreaterThan(ranked[1]?.[1].missed ?? 0);
      const sort = page.getByLabel('Sort by');
      await sort.focus();
      await sort.selectOption({ label: 'Most missed' });
      await expect.poll(async () => (await entryIds(page))[0]).toBe(MOST_MISSED);
      const mostObjections = Object.entries(summary.byMessaging).sort(
        ([, a], [, b]) => b.objections - a.objections,
      )[0];
      await sort.selectOption({ label: 'Most objections' });
      await expect
        .poll(async () => {
          const first = (await entryIds(page))[0] ?? '';
          return summary.byMessaging[first]?.objections;
        })
        .toBe(mostObjections?.[1].objections);

      // The text filter: the phrase of the planted conflict finds both versions.
      const filter = page.getByRole('searchbox', { name: 'Filter' });
      await filter.fill(DEMO_SCENARIOS.conflictingPhrase);
      await expect.poll(() => entryIds(page)).not.toHaveLength(messaging.length);
      const filtered = await entryIds(page);
      for (const id of DEMO_SCENARIOS.conflictingPair) expect(filtered).toContain(id);
      expect(await page.locator('.controls .count').textContent()).toBe(
        `${filtered.length} of ${messaging.length} entries match`,
      );
      await filter.fill('no entry says this zxqv');
      await page.getByText(/No entry matches/).waitFor();
      expect(await entryIds(page)).toEqual([]);

      // A finding's entry link shows the entry even when the filter hid it, and focuses it.
      await expiredFinding.locator('a[data-messaging-id]').click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-messaging-id')))
        .toBe(messagingId);
      expect(await filter.inputValue()).toBe('');

      // A link to one entry (what the sidebar can open) focuses it once the library is in.
      const deepLinked = await s.openExtensionPage(`library.html#entry-${messagingId}`);
      await openLibrary(deepLinked);
      await expect
        .poll(() =>
          deepLinked.evaluate(() => document.activeElement?.getAttribute('data-messaging-id')),
        )
        .toBe(messagingId);

      expect(unexpectedProblems(s)).toBe('');
    });
  });

  it('says the key was refused when the key is wrong', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: 'tp_wrong_key' } }, async (s) => {
      const page = await s.openExtensionPage('library.html');
      const message = page.locator('main [data-state="unauthorized"]');
      await message.waitFor({ timeout: 20_000 });
      expect(await message.getAttribute('role')).toBe('alert');
      expect(await message.textContent()).toMatch(/refused the API key/);
      expect(await page.locator('article[data-messaging-id]').count()).toBe(0);
      await screenshot(page, 'library-key-refused');
      expect(unexpectedProblems(s, [/status of 40[13]/])).toBe('');
    });
  });

  it('links to the options page when no backend is configured', async () => {
    await withExtension({}, async (s) => {
      const page = await s.openExtensionPage('library.html');
      const state = page.locator('main [data-state="not_configured"]');
      await state.waitFor({ timeout: 20_000 });
      expect(
        await state.getByRole('link', { name: 'Open the options page' }).getAttribute('href'),
      ).toBe(s.extensionUrl('options.html'));

      // …and the options page links back here.
      const options = await s.openExtensionPage('options.html');
      const link = options.getByRole('link', { name: 'Messaging library' });
      expect(await link.getAttribute('href')).toBe(s.extensionUrl('library.html'));
      await link.click();
      await options.locator('main [data-state="not_configured"]').waitFor({ timeout: 20_000 });
    });
  });
});

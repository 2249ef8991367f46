import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer, type RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS, DEMO_SCENARIOS } from '../../server/seed/demo';
import {
  composeHtml,
  screenshot,
  tabContactsOf,
  unexpectedProblems,
  withExtension,
} from './harness';

/**
 * The draft check in Chromium: a rep types into a routed Gmail compose addressed to
 * a demo contact; the sidebar shows what the draft covers, what to avoid and what is outdated,
 * and no request — to the backend (seen by a recording proxy in front of the real reference
 * server) or from any page or worker of the browser — carries the draft's words.
 */

const [DANA] = DEMO_PROMINENT_CONTACTS as [string];
const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';

/** Words only the draft contains: none of them may leave the browser. */
const SECRET_WORDS = ['zebrafinch', 'quetzalcoatl', 'marmalade'];
const DRAFT =
  'Hi Dana, we can rip and replace your legacy scheduler in a single weekend. ' +
  'Finance gets a cost report per workflow and per team. ' +
  `Codename ${SECRET_WORDS.join(' ')}.`;

let server: RunningServer;
let proxy: Server;
let proxyUrl: string;
let dataDir: string;
/** Every request the backend received through the proxy: method, path and body. */
const backendRequests: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-draft-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'touchpoint.db'),
    seed: 'demo',
  });
  proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      backendRequests.push(`${req.method} ${req.url} ${body.toString('utf8')}`);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
          headers.set(name, value);
      }
      fetch(`${server.url}${req.url}`, {
        method: req.method,
        headers,
        body: body.length > 0 ? body : undefined,
      })
        .then(async (upstream) => {
          const answer = Buffer.from(await upstream.arrayBuffer());
          const out: Record<string, string> = {};
          upstream.headers.forEach((value, name) => {
            if (!['content-encoding', 'content-length', 'connection'].includes(name))
              out[name] = value;
          });
          res.writeHead(upstream.status, out).end(answer);
        })
        .catch((error: unknown) => res.writeHead(502).end(String(error)));
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the draft check', () => {
  it('checks the compose against the recipient’s messaging in the browser and sends none of it', async () => {
    await withExtension({ backend: { baseUrl: proxyUrl, apiKey: DEMO_KEYS.read } }, async (s) => {
      const browserRequests: string[] = [];
      s.context.on('request', (request) =>
        browserRequests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`),
      );
      await s.routeHtml('https://mail.google.com/**', composeHtml(DANA));
      const page = await s.newPage();
      await page.goto(COMPOSE_URL);
      const { tabId } = await tabContactsOf(s, COMPOSE_URL, 15_000);

      const body = page.locator('[aria-label="Message Body"]');
      await body.click();
      await page.keyboard.type(DRAFT, { delay: 5 });

      // The launcher sums the check up: one avoided phrase and outdated claims to fix.
      const draftBadge = page.locator('touchpoint-ui .draft');
      await expect
        .poll(() => draftBadge.textContent(), { timeout: 15_000 })
        .toMatch(/^\d+ to fix$/);
      expect(await page.locator('touchpoint-ui .launcher').getAttribute('aria-label')).toMatch(
        /your draft: \d+ to fix/,
      );
      await screenshot(page, 'launcher-draft');

      const sidebar = await s.openExtensionPage(`sidebar.html?tabId=${tabId}`);
      const panel = sidebar.getByTestId('draft-check');
      await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
      // The whole draft was checked (its last words arrived), not a prefix typed so far.
      await expect
        .poll(() => panel.textContent(), { timeout: 15_000 })
        .toMatch(new RegExp(`${DRAFT.split(/\s+/).length} words`));

      const avoided = await sidebar.getByTestId('draft-avoided').textContent();
      expect(avoided?.toLowerCase()).toContain(DEMO_SCENARIOS.conflictingPhrase);
      // The text around the hit, from the draft itself.
      expect(avoided).toContain('your legacy scheduler');
      // v1's talking point, expired: an outdated claim.
      expect(await sidebar.getByTestId('draft-outdated').textContent()).toContain(
        'in a single weekend',
      );
      expect(await sidebar.getByTestId('draft-covered').textContent()).toContain(
        'Finance gets a cost report per workflow and per team',
      );
      await screenshot(sidebar, 'sidebar-draft-check');

      // Nothing the rep typed left the browser: not to the backend, not from any page.
      expect(backendRequests.length).toBeGreaterThan(0); // the proxy did see the lookups
      for (const word of [...SECRET_WORDS, 'rip and replace', 'rip%20and%20replace']) {
        expect(backendRequests.filter((r) => r.toLowerCase().includes(word))).toEqual([]);
        expect(browserRequests.filter((r) => r.toLowerCase().includes(word))).toEqual([]);
      }

      // Closing the compose clears the check.
      await page.evaluate(() => document.querySelector('.AD')?.remove());
      await page.evaluate(() => document.body.dispatchEvent(new FocusEvent('focusout')));
      await expect.poll(() => panel.count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => draftBadge.isVisible(), { timeout: 15_000 }).toBe(false);
      expect(unexpectedProblems(s)).toBe('');
    });
  });
});

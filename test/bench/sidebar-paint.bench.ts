/**
 * How fast the sidebar shows a contact, in Chromium with the built extension and the local
 * reference server (demo data): from opening `sidebar.html` (navigation start) to the
 * contact's data painted (the sidebar's `touchpoint:contact-painted` mark, set in the frame
 * after the contact's details render). Goals: warm cache ≤ 100 ms, cold lookup
 * ≤ 300 ms p95. Also prints the sidebar bundle's size. Prints figures; asserts nothing.
 *
 * `npx tsx test/bench/sidebar-paint.bench.ts [rounds]`
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import { requireChromium } from '../e2e/chromium';
import { buildExtension } from '../e2e/global-setup';
import { launchExtension, tabContactsOf, type ExtensionSession } from '../e2e/harness';

/** The parts of the extension API the service-worker snippets below use. */
declare const chrome: {
  storage: Record<
    'session' | 'local',
    {
      get(keys: string | null): Promise<Record<string, unknown>>;
      remove(keys: string[]): Promise<void>;
    }
  >;
};

const ROUNDS = Number(process.argv[2] ?? 20);
const PAINT_MARK = 'touchpoint:contact-painted';

const outBase = mkdtempSync(join(tmpdir(), 'touchpoint-bench-sidebar-'));
const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-sidebar-db-'));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function summary(values: number[]): string {
  const f = (n: number) => n.toFixed(1);
  return `median ${f(percentile(values, 50))} ms, p95 ${f(percentile(values, 95))} ms, max ${f(Math.max(...values))} ms (n=${values.length})`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The JS and CSS sidebar.html loads (its own chunk and the shared ones it imports). */
function sidebarBundle(extensionDir: string): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(extensionDir, 'sidebar.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    join(extensionDir, (m[1] as string).replace(/^\//, '')),
  );
  const files = refs.filter((path) => filesUnder(extensionDir).includes(path));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.map((f) => f.slice(extensionDir.length + 1)) };
}

/** A one-message thread from `email` on loopback (read by the demo builds' generic adapter). */
function threadHtml(email: string): string {
  return `<!doctype html><html lang="en"><head><title>Re: rollout</title></head><body><main>
<article><h1>Re: rollout</h1><p>From: <a href="mailto:${email}">${email}</a></p>
<p>Let us go through pricing next week.</p></article></main></body></html>`;
}

/** Where the time went, for the last open timed. */
const scriptsReady: number[] = [];
const contactsReady: number[] = [];
const contextReady: number[] = [];
const allPainted: number[] = [];

/** Opens the sidebar for `tabId` and returns ms from navigation start to the paint mark. */
async function timeOpen(session: ExtensionSession, tabId: number): Promise<number> {
  const page: Page = await session.openExtensionPage(`sidebar.html?tabId=${tabId}`);
  try {
    const handle = await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark)[0]?.startTime,
      PAINT_MARK,
      { timeout: 15_000, polling: 'raf' },
    );
    // The page's scripts loaded and ran (module scripts run before DOMContentLoaded ends),
    // then the tab's contacts and the contact's context arrived from the background.
    const steps = await page.evaluate(() => ({
      scripts: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
        .domContentLoadedEventEnd,
      contacts: performance.getEntriesByName('touchpoint:tab-contacts')[0]?.startTime ?? NaN,
      context: performance.getEntriesByName('touchpoint:context')[0]?.startTime ?? NaN,
      all: NaN as number,
    }));
    // The rest of the contact (timeline, content, messaging) follows in a transition.
    const all = await page.waitForFunction(
      () => performance.getEntriesByName('touchpoint:all-painted')[0]?.startTime,
      undefined,
      { timeout: 15_000, polling: 'raf' },
    );
    allPainted.push((await all.jsonValue()) as number);
    scriptsReady.push(steps.scripts);
    contactsReady.push(steps.contacts);
    contextReady.push(steps.context);
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/**
 * The way a rep opens it: a fresh load of `url`, the launcher's summary shown (its lookup
 * warmed the cache), `before` (e.g. clearing the cache), then a click on the launcher. Ms from
 * the click to the frame's paint mark (both clocks are epoch-based: timeOrigin + now).
 */
async function timeInpage(page: Page, url: string, before?: () => Promise<void>): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(
    () =>
      document.querySelector('touchpoint-ui')?.shadowRoot?.querySelector('.signal')?.textContent,
    undefined,
    { timeout: 15_000 },
  );
  await before?.();
  const clickedAt = await page.evaluate(() => {
    const root = document.querySelector('touchpoint-ui')?.shadowRoot;
    const button = root?.querySelector<HTMLButtonElement>('.launcher');
    const at = performance.timeOrigin + performance.now();
    button?.click();
    return at;
  });
  let frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
  for (let i = 0; !frame && i < 3000; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
  }
  if (!frame) throw new Error('The launcher opened no sidebar frame');
  const painted = await frame.waitForFunction(
    (mark) => {
      const entry = performance.getEntriesByName(mark)[0];
      return entry ? performance.timeOrigin + entry.startTime : undefined;
    },
    PAINT_MARK,
    { timeout: 15_000, polling: 'raf' },
  );
  return ((await painted.jsonValue()) as number) - clickedAt;
}

/**
 * Closing and opening again in the same page (Gmail is one page for every thread): the frame
 * stays loaded and follows the tab's contact, so the rep waits for one frame. Ms from the
 * click to the frame's first animation frame once shown (a hidden frame runs none).
 */
async function timeReopen(page: Page): Promise<number> {
  const click = () =>
    page.evaluate(() => {
      const button = document
        .querySelector('touchpoint-ui')
        ?.shadowRoot?.querySelector<HTMLButtonElement>('.launcher');
      const at = performance.timeOrigin + performance.now();
      button?.click();
      return at;
    });
  await click(); // close
  const frame = page.frames().find((f) => f.url().includes('/sidebar.html'));
  if (!frame) throw new Error('No sidebar frame to reopen');
  await frame.evaluate(() => {
    const w = window as unknown as { __shown?: Promise<number> };
    w.__shown = new Promise((resolve) =>
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())),
    );
  });
  const clickedAt = await click(); // open again
  const shownAt = await frame.evaluate(
    () => (window as unknown as { __shown: Promise<number> }).__shown,
  );
  return shownAt - clickedAt;
}

async function clearContextCache(session: ExtensionSession): Promise<void> {
  await session.serviceWorker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    const keys = Object.keys(all).filter((k) => k.startsWith('contextCache:'));
    if (keys.length > 0) await chrome.storage.session.remove(keys);
  });
}

async function auditCount(session: ExtensionSession): Promise<number> {
  return session.serviceWorker.evaluate(async () => {
    const { auditLog } = await chrome.storage.local.get('auditLog');
    return Array.isArray(auditLog) ? auditLog.length : -1;
  });
}

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dbPath: join(dataDir, 'touchpoint.db'),
  seed: 'demo',
});
let session: ExtensionSession | undefined;
try {
  await buildExtension(outBase);
  const extensionDir = join(outBase, 'chrome-mv3');
  const bundle = sidebarBundle(extensionDir);
  console.log(
    `sidebar bundle: ${(bundle.raw / 1024).toFixed(1)} KB raw, ${(bundle.gzip / 1024).toFixed(1)} KB gzip (${bundle.files.join(', ')})`,
  );

  session = await launchExtension({
    extensionDir,
    executablePath: requireChromium().executablePath,
    backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read },
  });
  const contacts = DEMO_PROMINENT_CONTACTS;
  const tabs: number[] = [];
  const pages: { page: Page; url: string }[] = [];
  for (const [i, email] of contacts.entries()) {
    const url = `${server.url}/demo-bench-${i}`;
    await session.routeHtml(url, threadHtml(email));
    const page = await session.newPage();
    await page.goto(url);
    tabs.push((await tabContactsOf(session, url)).tabId);
    pages.push({ page, url });
  }

  // Warm-up (the worker, the first page load of the bundle), not counted.
  await timeOpen(session, tabs[0] as number);

  const cold: number[] = [];
  const warm: number[] = [];
  const auditBefore = await auditCount(session);
  for (let round = 0; round < ROUNDS; round++) {
    const tabId = tabs[round % tabs.length] as number;
    await clearContextCache(session);
    cold.push(await timeOpen(session, tabId));
    warm.push(await timeOpen(session, tabId));
  }
  const lookups = (await auditCount(session)) - auditBefore;

  // The real path: the launcher on the page, the in-page frame (no ?tabId).
  const inpageWarm: number[] = [];
  const inpageCold: number[] = [];
  const reopen: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { page, url } = pages[round % pages.length] as { page: Page; url: string };
    await page.bringToFront();
    inpageWarm.push(await timeInpage(page, url));
    reopen.push(await timeReopen(page));
    inpageCold.push(
      await timeInpage(page, url, () => clearContextCache(session as ExtensionSession)),
    );
  }

  console.log(`load average ${loadavg()[0]?.toFixed(1)} (2 cores)`);
  console.log(`cold (cache cleared, lookup against the local server): ${summary(cold)}`);
  console.log(`warm (cached context):                                  ${summary(warm)}`);
  console.log(
    `steps, from navigation start (cold and warm together): scripts run ${summary(scriptsReady)}; tab's contacts ${summary(contactsReady)}; context answered ${summary(contextReady)}; header and highlights painted (the figures above); everything painted ${summary(allPainted)}`,
  );
  console.log(
    `lookups recorded in the audit log during the ${ROUNDS} rounds: ${lookups} (expected ${ROUNDS}: one per cold open, none warm)`,
  );
  console.log(
    `in-page, launcher click to the contact painted in the frame (a fresh frame each time): warm (the launcher's lookup filled the cache) ${summary(inpageWarm)}; cold (cache cleared before the click) ${summary(inpageCold)}`,
  );
  console.log(
    `in-page, closed and opened again on the same page (the frame stays loaded): click to the frame's first frame shown ${summary(reopen)}`,
  );
  console.log('goals: warm ≤ 100 ms, cold ≤ 300 ms p95');
} finally {
  await session?.close();
  await server.close();
  rmSync(outBase, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}

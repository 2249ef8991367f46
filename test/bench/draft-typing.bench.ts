/**
 * Typing in a compose with the draft check on, in Chromium with the built extension
 * and the local reference server (demo data): a rep types a 300-word draft into a routed Gmail
 * compose addressed to a demo contact. Prints, for the page's main thread, the longest task
 * seen (Long Tasks API, ≥ 50 ms) and the slowest key press to next paint (Event Timing), with
 * and without the extension; and how many checks the background ran. Prints; asserts nothing.
 *
 * `npx tsx test/bench/draft-typing.bench.ts [words]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import { requireChromium } from '../e2e/chromium';
import { buildExtension } from '../e2e/global-setup';
import { launchExtension, type ExtensionSession } from '../e2e/harness';

const WORDS = Number(process.argv[2] ?? 300);
const COMPOSE_URL = 'https://mail.google.com/mail/u/0/#inbox?compose=new';
const [DANA] = DEMO_PROMINENT_CONTACTS as [string];

const VOCABULARY =
  'we can rip and replace your legacy scheduler in a single weekend finance gets a cost report per workflow and per team run alongside your existing schedulers usage based pricing the rollout plan covers security reviews integration effort and training for operations'.split(
    ' ',
  );
const draft = Array.from({ length: WORDS }, (_, i) => VOCABULARY[(i * 7) % VOCABULARY.length]).join(
  ' ',
);

const html = `<!doctype html><html lang="en"><head><title>Inbox - jane@corp.example - Corp Mail</title></head>
<body><div class="nH"><div class="AD"><div class="M9"><form method="POST"><div class="aoD hl">
<div name="to" class="afV"><div role="listbox" aria-label="To">
<div role="option" data-hovercard-id="${DANA}" data-name="Dana Whitfield">Dana Whitfield</div>
</div></div></div></form>
<div class="Am Al editable" role="textbox" contenteditable="true" tabindex="1" aria-label="Message Body"></div>
</div></div></div></body></html>`;

/** Runs in the page before it loads: records long tasks and key-press latencies. */
function observe() {
  const w = window as unknown as { __longest: number; __slowestKey: number };
  w.__longest = 0;
  w.__slowestKey = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.__slowestKey = Math.max(w.__slowestKey, entry.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
}

async function typeDraft(
  context: BrowserContext,
  /** Runs before the tab closes (closing it clears the background's check). */
  before: () => Promise<number> = async () => 0,
): Promise<{ longest: number; slowestKey: number; ms: number; checked: number }> {
  await context.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort(),
  );
  const page = await context.newPage();
  await page.addInitScript(observe);
  await page.goto(COMPOSE_URL);
  await page.waitForTimeout(1000); // detection, the launcher's lookup, the part's import
  await page.locator('[aria-label="Message Body"]').click();
  const started = Date.now();
  await page.keyboard.type(draft);
  const ms = Date.now() - started;
  await page.waitForTimeout(2000); // the last check after the pause
  const result = await page.evaluate(() => {
    const w = window as unknown as { __longest: number; __slowestKey: number };
    return { longest: w.__longest, slowestKey: w.__slowestKey };
  });
  const checked = await before();
  await page.close();
  return { ...result, ms, checked };
}

const outBase = mkdtempSync(join(tmpdir(), 'touchpoint-bench-draft-'));
const dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-bench-draft-db-'));
const plainProfile = mkdtempSync(join(tmpdir(), 'touchpoint-bench-draft-plain-'));
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dbPath: join(dataDir, 'touchpoint.db'),
  seed: 'demo',
});
let session: ExtensionSession | undefined;
try {
  await buildExtension(outBase);
  const { executablePath } = requireChromium();
  session = await launchExtension({
    extensionDir: join(outBase, 'chrome-mv3'),
    executablePath,
    backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read },
  });
  const worker = session.serviceWorker;
  const wordsChecked = () =>
    worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      };
      const { draftChecks } = await chrome.storage.session.get('draftChecks');
      const [check] = Object.values(
        (draftChecks ?? {}) as Record<string, { check: { wordCount: number } }>,
      );
      return check?.check.wordCount ?? 0;
    });
  const withExt = await typeDraft(session.context, wordsChecked);

  const plain = await chromium.launchPersistentContext(plainProfile, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const without = await typeDraft(plain);
  await plain.close();

  const f = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `load average ${loadavg()[0]?.toFixed(1)} (2 cores); ${WORDS} words, ${draft.length} key presses`,
  );
  console.log(
    `with the extension:    longest task ${withExt.longest ? f(withExt.longest) : 'none ≥ 50 ms'}, slowest key press to paint ${f(withExt.slowestKey)}, typing took ${f(withExt.ms)}`,
  );
  console.log(
    `without the extension: longest task ${without.longest ? f(without.longest) : 'none ≥ 50 ms'}, slowest key press to paint ${f(without.slowestKey)}, typing took ${f(without.ms)}`,
  );
  console.log(
    `the background's last check counted ${withExt.checked} words (the whole draft: ${WORDS})`,
  );
} finally {
  await session?.close();
  await server.close();
  for (const dir of [outBase, dataDir, plainProfile]) rmSync(dir, { recursive: true, force: true });
}

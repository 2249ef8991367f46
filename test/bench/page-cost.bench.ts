/**
 * What the extension costs a heavy page: a Gmail-like page (the large thread fixture at
 * Gmail's real URL) does 10,000 unrelated DOM mutations in bursts, timed in Chromium with and
 * without the extension loaded. Prints the medians and their ratio (goal ≤ 1.05), and the
 * longest task seen while the page ran with the extension.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { requireChromium } from '../e2e/chromium';
import { launchExtension } from '../e2e/harness';
import { LARGE_THREAD_URL, buildLargeGmailThread } from '../fixtures/gmail/large-thread';

const ROUNDS = Number(process.argv[2] ?? 7);
const BURSTS = 100;
const PER_BURST = 100;
const extensionDir = resolve('.output/chrome-mv3');
execSync('npx wxt build', { stdio: 'ignore' });
const { executablePath } = requireChromium();
const html = buildLargeGmailThread();

/** Runs in the page: bursts of mutations in a container detection does not read. */
async function mutateInBursts([bursts, perBurst]: readonly [number, number]) {
  const longTasks: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  const host = document.createElement('div');
  host.id = 'unrelated-widget';
  document.body.appendChild(host);
  const start = performance.now();
  for (let b = 0; b < bursts; b++) {
    for (let i = 0; i < perBurst; i++) {
      const item = document.createElement('span');
      item.textContent = `tick ${b}.${i}`;
      host.appendChild(item);
      if (host.childElementCount > 50) host.firstElementChild!.remove();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const elapsed = performance.now() - start;
  // Let pending detections (throttled) finish inside the measurement window's tail.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { elapsed, longest: Math.max(0, ...longTasks) };
}

async function timePage(context: BrowserContext): Promise<{ elapsed: number; longest: number }> {
  const page = await context.newPage();
  await page.goto(LARGE_THREAD_URL);
  await page.waitForTimeout(500); // the content script starts at document_idle
  const result = await page.evaluate(mutateInBursts, [BURSTS, PER_BURST] as const);
  await page.close();
  return result;
}

async function routeGmail(context: BrowserContext) {
  await context.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort(),
  );
}

const session = await launchExtension({ extensionDir, executablePath });
await routeGmail(session.context);
const plainProfile = mkdtempSync(join(tmpdir(), 'touchpoint-bench-plain-'));
const plain = await chromium.launchPersistentContext(plainProfile, {
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
await routeGmail(plain);

const withExt: number[] = [];
const without: number[] = [];
let longestWithExt = 0;
try {
  // Alternate so drifting machine load hits both sides alike; the first round warms up.
  for (let round = 0; round <= ROUNDS; round++) {
    const a = await timePage(session.context);
    const b = await timePage(plain);
    if (round === 0) continue;
    withExt.push(a.elapsed);
    without.push(b.elapsed);
    longestWithExt = Math.max(longestWithExt, a.longest);
  }
} finally {
  await session.close();
  await plain.close();
  rmSync(plainProfile, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratio = median(withExt) / median(without);
console.log(
  `page cost: ${BURSTS * PER_BURST} mutations in ${BURSTS} bursts on the large Gmail thread, ${ROUNDS} rounds, load average ${loadavg()[0]!.toFixed(2)}`,
);
console.log(
  `  without extension: median ${median(without).toFixed(1)} ms; with: median ${median(withExt).toFixed(1)} ms; ratio ${ratio.toFixed(3)} (goal ≤ 1.05: ${ratio <= 1.05 ? 'met' : 'NOT met'})`,
);
console.log(
  `  longest task with the extension: ${longestWithExt.toFixed(1)} ms (0 = none over 50 ms)`,
);

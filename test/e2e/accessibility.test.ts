import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import { DEMO_PROMINENT_CONTACTS } from '../../server/seed/demo';
import { screenshot, tabContactsOf, withExtension } from './harness';
import type { ExtensionSession } from './harness';

/**
 * axe-core in the real extension pages: the sidebar in its ready, error and
 * not-configured states and the options page, each in the light and the dark palette. Only
 * serious and critical violations fail; the message lists each with the elements it hit.
 */

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const SCHEMES = ['light', 'dark'] as const;

let server: RunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-a11y-'));
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dbPath: join(dataDir, 'touchpoint.db'),
    seed: 'demo',
  });
});
afterAll(async () => {
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * Runs axe in `page` and returns its serious and critical violations. Evaluated over the
 * DevTools protocol, which extension pages' CSP does not block (a script tag would be).
 */
async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (globalThis as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) =>
        `${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replaceAll('\n', ' '),
      ),
    }));
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.impact} ${f.id} (${f.help}):\n  ${f.nodes.join('\n  ')}`)
    .join('\n');
}

/** Checks `page` in both colour schemes; `name` names the screenshots. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    const findings = await seriousViolations(page);
    await screenshot(page, `a11y-${name}-${scheme}`);
    expect(describeFindings(findings), `${name} in ${scheme}`).toBe('');
  }
}

/** The demo inbox in a tab; resolves with that tab's id once the background has its contacts. */
async function openDemoTab(session: ExtensionSession): Promise<number> {
  const page = await session.newPage();
  const url = `${server.url}/demo`;
  await page.goto(url);
  return (await tabContactsOf(session, url)).tabId;
}

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it('the sidebar with a contact’s context', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const tabId = await openDemoTab(s);
      const page = await s.openExtensionPage(`sidebar.html?tabId=${tabId}`);
      await page.locator('.contact-header h2').waitFor({ timeout: 15_000 });
      const [dana] = await server.store.findContacts({ email: DEMO_PROMINENT_CONTACTS[0] ?? '' });
      expect(await page.locator('.contact-header h2').textContent()).toBe(dana?.name);
      // Open every disclosure so axe sees all of the content, not only the summaries.
      await page
        .locator('details:not([open]) > summary')
        .evaluateAll((summaries) =>
          summaries.forEach((summary) => (summary as HTMLElement).click()),
        );
      // Feedback given: a pressed choice, its confirmation and Undo, and a typed objection.
      const entry = page.locator('#messaging-section .messaging-item').first();
      await entry.getByRole('button', { name: /^Missed/ }).click();
      await entry.getByRole('button', { name: /^Undo/ }).waitFor();
      await page.getByLabel('What did they object to?').fill('Too expensive for this year');
      await expectAccessible(page, 'sidebar-ready');
    });
  });

  it('the sidebar when the backend is unreachable', async () => {
    const closed = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(dataDir, 'x.db') });
    const deadUrl = closed.url;
    await closed.close();
    await withExtension({ backend: { baseUrl: deadUrl, apiKey: DEMO_KEYS.read } }, async (s) => {
      const tabId = await openDemoTab(s);
      const page = await s.openExtensionPage(`sidebar.html?tabId=${tabId}`);
      await page.locator('main [data-state="unreachable"]').waitFor({ timeout: 20_000 });
      await expectAccessible(page, 'sidebar-error');
    });
  });

  it('the sidebar without a backend', async () => {
    await withExtension({}, async (s) => {
      const tabId = await openDemoTab(s);
      const page = await s.openExtensionPage(`sidebar.html?tabId=${tabId}`);
      await page.locator('main [data-state="not_configured"]').waitFor({ timeout: 15_000 });
      await expectAccessible(page, 'sidebar-not-configured');
    });
  });

  it('the options page', async () => {
    await withExtension({ backend: { baseUrl: server.url, apiKey: DEMO_KEYS.read } }, async (s) => {
      const page = await s.openExtensionPage('options.html');
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 15_000 });
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, 'options');
    });
  });
});

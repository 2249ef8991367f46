import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, ConsoleMessage, Page, Worker } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { isLoopbackHost } from '../../utils/contract/backend-url';
import type { TabContacts } from '../../utils/protocol/protocol';
import type { BackendSettings } from '../../utils/settings';

/** One backend for a test: stored as the only, enabled backend. */
export interface TestBackend {
  baseUrl: string;
  apiKey: string;
}

/**
 * Real Chromium with the extension built by global-setup.ts loaded. Every session gets its
 * own throw-away profile, so storage never leaks between tests.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
const FIXTURES_DIR = join(ROOT, 'test', 'fixtures');
const SERVICE_WORKER_TIMEOUT_MS = 15_000;

export interface LaunchOptions {
  /** Stored as chrome.storage.local `backend` before any page opens. */
  backend?: TestBackend;
  /** Defaults to the build from global-setup.ts. */
  extensionDir?: string;
  executablePath?: string;
  /**
   * A profile folder to use (and keep) instead of a throw-away one: launch again with the
   * same folder to test what survives a browser restart. The caller deletes it.
   */
  profileDir?: string;
}

/** An uncaught error or a console error seen in a page or in the service worker. */
export interface BrowserProblem {
  kind: 'pageerror' | 'console';
  where: string;
  text: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Everything that went wrong in any page or the service worker, in order. */
  problems: BrowserProblem[];
  newPage(): Promise<Page>;
  /** `chrome-extension://<id>/<path>` */
  extensionUrl(path: string): string;
  /** Opens an extension page (e.g. `sidebar.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Writes the backend settings the background reads; `null` removes them. */
  setBackend(backend: TestBackend | null): Promise<void>;
  /** Serves `html` for every document matching `url` (a glob such as `https://mail.google.com/**`). */
  routeHtml(url: string, html: string): Promise<void>;
  close(): Promise<void>;
}

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionDir = options.extensionDir ?? inject('extensionDir');
  const executablePath = options.executablePath ?? inject('chromiumPath');
  const keepProfile = options.profileDir !== undefined;
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'touchpoint-e2e-profile-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        ...LAUNCH_ARGS,
      ],
    });
    const session = await attach(
      context,
      keepProfile ? undefined : profileDir,
      extensionDir,
      executablePath,
    );
    if (options.backend) await session.setBackend(options.backend);
    return session;
  } catch (error) {
    await context?.close().catch(() => undefined);
    if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
}

async function attach(
  context: BrowserContext,
  /** Deleted on close; undefined for a profile the caller keeps. */
  profileDir: string | undefined,
  extensionDir: string,
  executablePath: string,
): Promise<ExtensionSession> {
  const problems: BrowserProblem[] = [];
  const watchPage = (page: Page) => {
    page.on('pageerror', (error) =>
      problems.push({ kind: 'pageerror', where: page.url(), text: error.stack ?? error.message }),
    );
    page.on('console', (message) => recordConsole(problems, message, page.url()));
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  // Only loopback may reach the network: unrouted sites fail fast instead of hanging offline.
  await context.route(
    (url) =>
      (url.protocol === 'http:' || url.protocol === 'https:') && !isLoopbackHost(url.hostname),
    (route) => route.abort('blockedbyclient'),
  );

  const serviceWorker = await findServiceWorker(context, extensionDir, executablePath);
  serviceWorker.on('console', (message) =>
    recordConsole(problems, message, `service worker ${serviceWorker.url()}`),
  );
  // Uncaught errors after start-up surface as console errors (start-up failures show as a
  // missing worker or handlers that never answer).
  await serviceWorker.evaluate(() => {
    addEventListener('error', (event) =>
      console.error(`Uncaught in service worker: ${(event as ErrorEvent).message}`),
    );
    addEventListener('unhandledrejection', (event) =>
      console.error(
        `Unhandled rejection in service worker: ${String((event as PromiseRejectionEvent).reason)}`,
      ),
    );
  });
  const extensionId = new URL(serviceWorker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;

  return {
    context,
    extensionId,
    serviceWorker,
    problems,
    extensionUrl,
    newPage: () => context.newPage(),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async setBackend(backend) {
      // The stored shape of utils/settings (`local:backend`, version 2, with WXT's meta key).
      const value: BackendSettings | null = backend
        ? { backends: [{ id: 'test', name: 'Test backend', enabled: true, ...backend }] }
        : null;
      await serviceWorker.evaluate(async (value) => {
        const { storage } = (globalThis as unknown as { chrome: ChromeStorageGlobal }).chrome;
        if (value) await storage.local.set({ backend: value, backend$: { v: 2 } });
        else await storage.local.remove('backend');
      }, value);
    },
    async routeHtml(url, html) {
      await context.route(url, (route) =>
        route.request().resourceType() === 'document'
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
          : route.abort('blockedbyclient'),
      );
    },
    async close() {
      try {
        await context.close();
      } finally {
        if (profileDir) rmSync(profileDir, { recursive: true, force: true });
      }
    },
  };
}

interface ChromeStorageGlobal {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}

async function findServiceWorker(
  context: BrowserContext,
  extensionDir: string,
  executablePath: string,
): Promise<Worker> {
  const isExtensionWorker = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const existing = context.serviceWorkers().find(isExtensionWorker);
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: isExtensionWorker,
      timeout: SERVICE_WORKER_TIMEOUT_MS,
    });
  } catch {
    throw new Error(
      `The extension's service worker did not start within ${SERVICE_WORKER_TIMEOUT_MS} ms. ` +
        `Chromium at ${executablePath} may not have loaded ${extensionDir}: branded Google ` +
        'Chrome 137+ ignores --load-extension, so point CHROMIUM_PATH at Chromium. If the ' +
        'browser is Chromium, check the built manifest and background script (`npm run build`).',
    );
  }
}

function recordConsole(problems: BrowserProblem[], message: ConsoleMessage, where: string): void {
  if (message.type() !== 'error') return;
  const location = message.location();
  problems.push({
    kind: 'console',
    where: location.url ? `${location.url}:${location.lineNumber}` : where,
    text: message.text(),
  });
}

/**
 * Problems that are not explained by `expected`, formatted one per line ('' when none), so a
 * failing assertion shows what happened: `expect(unexpectedProblems(session)).toBe('')`.
 */
export function unexpectedProblems(session: ExtensionSession, expected: RegExp[] = []): string {
  return session.problems
    .filter((problem) => !expected.some((pattern) => pattern.test(problem.text)))
    .map((problem) => `${problem.kind} at ${problem.where}: ${problem.text}`)
    .join('\n');
}

/** Saves a full-page PNG as test-results/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * HTML of `test/fixtures/<site>/<name>.html` when that fixture exists, else `fallback`
 * (fixtures are added site by site; a test can start with inline HTML).
 */
export function fixtureHtml(site: string, name: string, fallback?: string): string {
  const path = join(FIXTURES_DIR, site, `${name}.html`);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  if (fallback !== undefined) return fallback;
  throw new Error(`Missing fixture ${path}. Add it, or pass inline HTML as the fallback.`);
}

/** Runs `body` with a launched session and always closes the browser, also on failure. */
export async function withExtension<T>(
  options: LaunchOptions,
  body: (session: ExtensionSession) => Promise<T>,
): Promise<T> {
  const session = await launchExtension(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

/**
 * Waits until the background holds contacts for the tab whose content script reported `url`
 * (storage.session `tabContacts`, keyed by tab id); that tab's id and entry. The reported URL
 * is used, not `tabs.query`, which hides the URLs of hosts the extension has no permission for.
 */
export async function tabContactsOf(
  session: ExtensionSession,
  url: string,
  timeoutMs = 10_000,
): Promise<{ tabId: number; tab: TabContacts }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await session.serviceWorker.evaluate(async (url) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } };
      };
      const { tabContacts } = await chrome.storage.session.get('tabContacts');
      const entry = Object.entries((tabContacts ?? {}) as Record<string, TabContacts>).find(
        ([, tab]) => tab.url === url,
      );
      return entry ? { tabId: Number(entry[0]), tab: entry[1] } : undefined;
    }, url);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`The background never held contacts for ${url} (waited ${timeoutMs} ms).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A Gmail compose addressed to `to`, in the shape the Gmail adapter reads (the draft-check tests, both browsers). */
export function composeHtml(to: string): string {
  return `<!doctype html><html lang="en"><head><title>Inbox - jane@corp.example - Corp Mail</title></head>
<body><div class="nH"><div class="AD"><div class="M9"><form method="POST"><div class="aoD hl">
<div name="to" class="afV"><div role="listbox" aria-label="To">
<div role="option" data-hovercard-id="${to}" data-name="Dana Whitfield">Dana Whitfield</div>
</div></div></div><input name="subjectbox" value="Next steps"></form>
<div class="Am Al editable" role="textbox" contenteditable="true" tabindex="1" aria-label="Message Body"></div>
</div></div></div></body></html>`;
}

/** Ids of the feedback the reference server holds for one messaging entry (read key). */
export async function storedFeedbackIds(baseUrl: string, messagingId: string): Promise<string[]> {
  const response = await fetch(
    `${baseUrl}/v1/feedback?messagingId=${encodeURIComponent(messagingId)}`,
    { headers: { authorization: `Bearer ${DEMO_KEYS.read}` } },
  );
  if (!response.ok) throw new Error(`GET /v1/feedback answered ${response.status}`);
  const body = (await response.json()) as { feedback: { id: string }[] };
  return body.feedback.map((f) => f.id);
}

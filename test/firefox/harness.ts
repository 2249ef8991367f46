import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { inject } from 'vitest';
import { isLoopbackHost } from '../../utils/contract/backend-url';
import type { BackendSettings } from '../../utils/settings';
import { SCREENSHOT_DIR, type BrowserProblem, type TestBackend } from '../e2e/harness';

/**
 * Real Firefox (Debian's ESR) with the Firefox build installed as a temporary add-on, driven
 * over WebDriver BiDi by puppeteer-core (Playwright's Firefox needs its own patched build).
 * The same shape as the Chromium harness where Firefox allows it; where it differs:
 * - the extension's origin is fixed through the `extensions.webextensions.uuids` pref, so
 *   tests know its pages' URLs;
 * - BiDi may not navigate a tab to a `moz-extension:` URL, so an extension page is reached
 *   the way a user's link would: from a loopback page to the web-accessible sidebar page
 *   (demo builds), then from there to the page asked for;
 * - routing is per page (request interception), so every page is made by `newPage()`.
 */

export const EXTENSION_ID = 'touchpoint@touchpoint.dev';
const EXTENSION_UUID = '5f0c9d2e-7a41-4b8e-9c3d-2e1f0a9b8c7d';
/** A loopback page the harness answers itself: the way into the extension's pages. */
const LAUNCHPAD = 'http://127.0.0.1:61234/touchpoint-launchpad';

export interface FirefoxSession {
  browser: Browser;
  problems: BrowserProblem[];
  /** `moz-extension://<uuid>/<path>` */
  extensionUrl(path: string): string;
  /** A new tab that serves routed HTML and lets only loopback reach the network. */
  newPage(): Promise<Page>;
  /** Opens an extension page (e.g. `options.html`) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Writes the backend settings the background reads; `null` removes them. */
  setBackend(backend: TestBackend | null): Promise<void>;
  /** Serves `html` for every document whose URL starts with `urlPrefix`. */
  routeHtml(urlPrefix: string, html: string): void;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  backend?: TestBackend;
  extensionDir?: string;
}

export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxSession> {
  const executablePath = inject('firefoxPath');
  const extensionDir = options.extensionDir ?? inject('firefoxExtensionDir');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [EXTENSION_ID]: EXTENSION_UUID }),
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw new Error(
      `Firefox at ${executablePath} did not install ${extensionDir} as a temporary add-on: ${String(error)}. ` +
        'Check the Firefox build (`npm run build:firefox`) and its manifest.',
    );
  }
  const problems: BrowserProblem[] = [];
  const routes: Array<{ prefix: string; html: string }> = [
    { prefix: LAUNCHPAD, html: '<!doctype html><title>launchpad</title>' },
  ];
  const extensionUrl = (path: string) => `moz-extension://${EXTENSION_UUID}/${path}`;
  let control: Page | undefined;

  const answer = async (request: HTTPRequest) => {
    const url = request.url();
    const route = routes.find((r) => url.startsWith(r.prefix));
    if (route && request.isNavigationRequest()) {
      await request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: route.html,
      });
      return;
    }
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      // Not a URL a page can fetch.
    }
    const web = url.startsWith('http:') || url.startsWith('https:');
    // Only loopback may reach the network: unrouted sites fail fast instead of hanging.
    if (web && (route || !isLoopbackHost(host))) await request.abort('blockedbyclient');
    else await request.continue();
  };

  const newPage = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (error) =>
      problems.push({ kind: 'pageerror', where: page.url(), text: String(error) }),
    );
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push({ kind: 'console', where: page.url(), text: message.text() });
      }
    });
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      answer(request).catch((error: unknown) =>
        problems.push({
          kind: 'console',
          where: request.url(),
          text: `routing failed: ${String(error)}`,
        }),
      );
    });
    return page;
  };

  const openExtensionPage = async (path: string) => {
    const page = await newPage();
    await page.goto(LAUNCHPAD);
    for (const step of path === 'sidebar.html' ? [path] : ['sidebar.html', path]) {
      const target = extensionUrl(step);
      await page.evaluate((url) => {
        location.href = url;
      }, target);
      // BiDi does not report navigations into the extension's origin in page.url().
      await waitFor(async () => {
        const href = await page.evaluate(() => location.href).catch(() => '');
        return href.startsWith(target.split('?')[0]!);
      }, `${target} to open`);
      await page.waitForFunction(() => document.readyState === 'complete');
    }
    return page;
  };

  const session: FirefoxSession = {
    browser,
    problems,
    extensionUrl,
    newPage,
    openExtensionPage,
    async setBackend(backend) {
      control ??= await openExtensionPage('options.html');
      // The stored shape of utils/settings (`local:backend`, version 2, with WXT's meta key).
      const value: BackendSettings | null = backend
        ? { backends: [{ id: 'test', name: 'Test backend', enabled: true, ...backend }] }
        : null;
      await control.evaluate(async (value) => {
        const { storage } = (globalThis as unknown as { browser: ExtensionStorage }).browser;
        if (value) await storage.local.set({ backend: value, backend$: { v: 2 } });
        else await storage.local.remove('backend');
      }, value);
    },
    routeHtml(urlPrefix, html) {
      routes.unshift({ prefix: urlPrefix, html });
    },
    async close() {
      await browser.close();
    },
  };
  try {
    if (options.backend) await session.setBackend(options.backend);
  } catch (error) {
    // A session that never reached its caller is closed here, or its Firefox would linger.
    await browser.close().catch(() => undefined);
    throw error;
  }
  return session;
}

interface ExtensionStorage {
  storage: {
    local: {
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
  };
}

/** Runs `body` with a launched Firefox and always closes it, also on failure. */
export async function withFirefox<T>(
  options: FirefoxLaunchOptions,
  body: (session: FirefoxSession) => Promise<T>,
): Promise<T> {
  const session = await launchFirefox(options);
  try {
    return await body(session);
  } finally {
    await session.close();
  }
}

/** Polls `check` until it holds; throws naming what was awaited. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Saves a full-page PNG as test-results/screenshots/firefox-<name>.png. */
export async function firefoxScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `firefox-${name}.png`);
  await page.screenshot({ path: path as `${string}.png`, fullPage: true });
  return path;
}

/** Text of the launcher's shadow root (open in test builds), '' while it is not drawn. */
export async function launcherText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('touchpoint-ui');
    return host?.shadowRoot?.querySelector('button')?.textContent ?? '';
  });
}

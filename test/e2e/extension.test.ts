import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, screenshot, unexpectedProblems } from './harness';
import type { ExtensionSession } from './harness';

const MAIL_PAGE = `<!doctype html><html><head><title>Inbox</title></head>
<body><main><h1>Inbox</h1><a href="mailto:dana.reyes@northwind.example">Dana Reyes</a></main></body></html>`;
const UNRELATED_PAGE = `<!doctype html><html><head><title>Example</title></head>
<body><h1>Example Domain</h1></body></html>`;

describe('the built extension, without a backend', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads: its service worker runs from a chrome-extension:// URL', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(session.extensionUrl('background.js'));
    const state = await session.serviceWorker.evaluate(
      () =>
        (globalThis as unknown as { registration: { active: { state: string } | null } })
          .registration.active?.state,
    );
    expect(state).toBe('activated');
  });

  it('renders the options page with the not-configured message', async () => {
    const page = await session.openExtensionPage('options.html');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Touchpoint options');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('No backend is configured');
    await screenshot(page, 'options-not-configured');
    await page.close();
  });

  it('renders the sidebar with the not-configured message', async () => {
    const page = await session.openExtensionPage('sidebar.html');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Touchpoint');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-status')).toBe('not_configured');
    expect(await alert.textContent()).toBe(
      'No backend is configured. Open the options page and add one.',
    );
    await screenshot(page, 'sidebar-not-configured');
    await page.close();
  });

  it('runs the content script on Gmail (routed to local HTML)', async () => {
    await session.routeHtml('https://mail.google.com/**', MAIL_PAGE);
    const page = await session.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox');
    await page.waitForSelector('html[data-touchpoint="active"]', { timeout: 10_000 });
    await screenshot(page, 'gmail-routed');
    await page.close();
  });

  it('does not run the content script on an unrelated site', async () => {
    await session.routeHtml('https://example.com/**', UNRELATED_PAGE);
    await session.routeHtml('https://mail.google.com/**', MAIL_PAGE);
    const unrelated = await session.newPage();
    await unrelated.goto('https://example.com/');
    // A matched page in the same browser proves the script had its chance to run.
    const matched = await session.newPage();
    await matched.goto('https://mail.google.com/mail/u/0/#inbox');
    await matched.waitForSelector('html[data-touchpoint="active"]', { timeout: 10_000 });
    expect(await unrelated.locator('html').getAttribute('data-touchpoint')).toBeNull();
    await unrelated.close();
    await matched.close();
  });

  it('reported no uncaught errors and no console errors', () => {
    expect(unexpectedProblems(session)).toBe('');
  });
});

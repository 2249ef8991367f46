import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../../server/demo-keys';
import { startServer } from '../../server/main';
import type { RunningServer } from '../../server/main';
import { buildExtension } from './global-setup';
import { screenshot, unexpectedProblems, withExtension } from './harness';

// `npm start` builds the extension with the backend baked in (WXT_TOUCHPOINT_*): it must
// connect with nothing stored, as a user who just loaded it unpacked would see it.
describe('an extension built like npm start builds it', () => {
  let server: RunningServer;
  let workDir: string;
  let extensionDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-quickstart-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dbPath: join(workDir, 'tp.db') });
    await buildExtension(join(workDir, 'build'), {
      backendUrl: server.url,
      apiKey: DEMO_KEYS.read,
    });
    extensionDir = join(workDir, 'build', 'chrome-mv3');
  });
  afterAll(async () => {
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('connects to its server without any stored settings', async () => {
    await withExtension({ extensionDir }, async (s) => {
      const page = await s.openExtensionPage('sidebar.html');
      const line = page.locator('[data-status]');
      await line.waitFor({ timeout: 15_000 });
      await screenshot(page, 'quickstart-build-sidebar');
      expect(await line.getAttribute('data-status')).toBe('ok');
      expect(await line.textContent()).toContain('Connected to touchpoint-reference-server');
      expect(unexpectedProblems(s)).toBe('');
    });
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import addonsLinter from 'addons-linter';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run zip:firefox` makes what addons.mozilla.org takes: the add-on zip and the sources
 * zip (the store asks for sources when code is bundled). Mozilla's own linter, offline, must
 * find no error in the add-on. Warnings are printed: they are reviewers' notes, not refusals.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'touchpoint-firefox-zip-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function zipFirefox(): Promise<void> {
  const script = `import { zip } from 'wxt'; await zip({ browser: 'firefox', outDir: process.argv[1] });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, outDir], {
      cwd: ROOT,
      // A store build carries no backend, no demo page and no test hooks.
      env: {
        ...process.env,
        WXT_TOUCHPOINT_BACKEND_URL: '',
        WXT_TOUCHPOINT_API_KEY: '',
        WXT_TOUCHPOINT_DEMO_PAGE: '',
        WXT_TOUCHPOINT_TEST_HOOKS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`wxt zip -b firefox failed (exit ${code}):\n${output.slice(-3000)}`)),
    );
  });
}

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}

describe('Firefox add-on for addons.mozilla.org', () => {
  it('zips the add-on and its sources, and Mozilla’s addons-linter finds no error', async () => {
    await zipFirefox();
    const zips = readdirSync(outDir).filter((name) => name.endsWith('.zip'));
    const addon = zips.find((name) => name.endsWith('-firefox.zip'));
    expect(addon, `zips made: ${zips.join(', ')}`).toBeDefined();
    expect(zips.some((name) => name.endsWith('-sources.zip'))).toBe(true);
    const path = join(outDir, addon!);
    expect(existsSync(path)).toBe(true);

    const linter = addonsLinter.createInstance({
      config: {
        _: [path],
        logLevel: 'fatal',
        stack: false,
        pretty: false,
        warningsAsErrors: false,
        metadata: false,
        output: 'none',
        boring: false,
        selfHosted: false,
      },
      runAsBinary: false,
    });
    const result = (await linter.run()) as { errors: LinterMessage[]; warnings: LinterMessage[] };
    const line = (m: LinterMessage) => `${m.code} ${m.file ?? ''}: ${m.message}`;
    console.log(
      `[firefox] addons-linter: ${result.errors.length} errors, ${result.warnings.length} warnings${result.warnings.length ? `\n  ${result.warnings.map(line).join('\n  ')}` : ''}`,
    );
    expect(result.errors.map(line)).toEqual([]);
  });
});

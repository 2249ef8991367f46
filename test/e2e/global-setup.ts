import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEMO_KEYS } from '../../server/demo-keys';
import { requireChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The freshly built, unpacked Chrome MV3 extension the browser tests load. */
    extensionDir: string;
    chromiumPath: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Builds into a private temporary folder (not .output/chrome-mv3), so a concurrent
// `npm start` or another test run cannot swap the extension under these tests.
/** The custom domain the browser tests add (routed to a fixture, never on the network). */
export const CUSTOM_DOMAIN_ORIGIN = 'https://crm.touchpoint-e2e.test';
const CUSTOM_DOMAIN_PATTERN = `${CUSTOM_DOMAIN_ORIGIN}/*`;

const BUILD_SCRIPT = `import { build } from 'wxt'; await build({ outDir: process.argv[1], browser: process.argv[2] });`;

/**
 * Builds the extension once per `npm test` from the current code, with no backend baked in
 * (the tests store their own settings), and checks a Chromium exists before any test runs.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const chromium = requireChromium();
  const outBase = mkdtempSync(join(tmpdir(), 'touchpoint-e2e-build-'));
  const started = performance.now();
  await buildExtension(outBase);
  const extensionDir = join(outBase, 'chrome-mv3');
  assertBuilt(extensionDir);
  console.log(
    `[e2e] built the extension in ${Math.round(performance.now() - started)} ms → ${extensionDir}; Chromium: ${chromium.executablePath} (${chromium.source})`,
  );
  project.provide('extensionDir', extensionDir);
  project.provide('chromiumPath', chromium.executablePath);
  return () => rmSync(outBase, { recursive: true, force: true });
}

/**
 * Builds the extension into `<outBase>/chrome-mv3` (`<outBase>/firefox-mv2` for Firefox). `defaults` are the build-time
 * backend defaults; empty values win over any .env file, so by default the build carries none.
 */
export function buildExtension(
  outBase: string,
  defaults: { backendUrl?: string; apiKey?: string } = {},
  browser: 'chrome' | 'firefox' = 'chrome',
): Promise<void> {
  const args = ['--input-type=module', '-e', BUILD_SCRIPT, outBase, browser];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        WXT_TOUCHPOINT_BACKEND_URL: defaults.backendUrl ?? '',
        WXT_TOUCHPOINT_API_KEY: defaults.apiKey ?? '',
        // The tests use the reference server's demo page (wxt.config.ts).
        WXT_TOUCHPOINT_DEMO_PAGE: 'true',
        // The launcher's shadow root is open, so the tests can look inside (inpage-ui.ts).
        WXT_TOUCHPOINT_TEST_HOOKS: 'true',
        // A pre-granted origin, so a custom domain can be added without a permission prompt
        // (headless Chromium cannot answer one): see custom-domains.test.ts.
        WXT_TOUCHPOINT_HOSTS: CUSTOM_DOMAIN_PATTERN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolvePromise();
      reject(
        new Error(
          `Building the extension for the browser tests failed (exit ${code}). ` +
            `Run \`npm run build\` to see and fix the error. Build output:\n${output.slice(-4000)}`,
        ),
      );
    });
  });
}

export function assertBuilt(extensionDir: string): void {
  const manifest = join(extensionDir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`The extension build wrote no ${manifest}. Run \`npm run build\` to check.`);
  }
  // A baked-in demo key would make "not configured" tests pass or fail for the wrong reason.
  for (const file of listFiles(extensionDir)) {
    if (!file.endsWith('.js')) continue;
    if (readFileSync(file, 'utf8').includes(DEMO_KEYS.read)) {
      throw new Error(
        `${file} contains the demo API key: the test build must carry no default backend. ` +
          'Check that WXT_TOUCHPOINT_API_KEY is not set by a .env file for production builds.',
      );
    }
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_KEYS } from '../server/demo-keys';
import { startServer } from '../server/main';
import type { RunningServer } from '../server/main';
// The browser tests and the quick start look for Chromium the same way.
import { findChromium, HOW_TO_GET_CHROMIUM } from '../test/e2e/chromium';

/**
 * `npm start [-- --port 8787]`: the reference server with demo data, the extension built for
 * it, and (where a display and Chromium exist) a browser on the demo page. Ctrl-C stops all.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const DATA_DIR = join(ROOT, 'data');
const DB_PATH = join(DATA_DIR, 'touchpoint.db');
const PROFILE_DIR = join(DATA_DIR, 'browser-profile');
const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const WXT_BIN = join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

function readPort(): number {
  const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: true });
  const raw = values.port ?? '8787';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    fail(`--port must be a whole number from 1 to 65535 (got "${raw}").`);
  }
  return port;
}

async function describeBusyPort(port: number): Promise<string> {
  const where = `http://${HOST}:${port}`;
  try {
    // With the demo key, a Touchpoint server on its demo keys names itself.
    const response = await fetch(`${where}/v1/health`, {
      headers: { authorization: `Bearer ${DEMO_KEYS.read}` },
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json()) as { apiVersion?: unknown; server?: { name?: string } };
    if (body.server?.name?.startsWith('touchpoint') || body.apiVersion !== undefined) {
      return `A Touchpoint (Context API) server is already running on ${where} (probably an earlier \`npm start\` or \`npm run server\`). Use it — the demo page is ${where}/demo — or stop it with Ctrl-C in its terminal, or start on another port: \`npm start -- --port ${port + 1}\`.`;
    }
  } catch {
    // Not a Touchpoint server, or not HTTP at all: the generic message below fits.
  }
  return `Port ${port} on ${HOST} is already in use by another program. Stop it (find it with \`lsof -i :${port}\` or \`ss -ltnp | grep ${port}\`), or start on another port: \`npm start -- --port ${port + 1}\`.`;
}

async function startDemoServer(port: number): Promise<RunningServer> {
  mkdirSync(DATA_DIR, { recursive: true });
  try {
    return await startServer({
      port,
      host: HOST,
      dbPath: DB_PATH,
      seed: 'demo',
      log: (entry) => {
        if (entry.level !== 'info' || entry.msg === 'loaded the demo dataset') {
          say(`  server: ${JSON.stringify(entry)}`);
        }
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(await describeBusyPort(port));
    throw error;
  }
}

function buildExtension(serverUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WXT_BIN, 'build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        WXT_TOUCHPOINT_BACKEND_URL: serverUrl,
        WXT_TOUCHPOINT_API_KEY: DEMO_KEYS.read,
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
        : reject(
            new Error(
              `Building the extension failed (exit ${code}); \`npm run build\` shows the same error.\n${output.slice(-4000)}`,
            ),
          ),
    );
  });
}

function hasDisplay(): boolean {
  return (
    process.platform === 'darwin' ||
    process.platform === 'win32' ||
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  );
}

function openBrowser(executablePath: string, demoUrl: string): ChildProcess {
  mkdirSync(PROFILE_DIR, { recursive: true });
  // A profile of its own: the user's browser and extensions stay untouched.
  const browser = spawn(
    executablePath,
    [
      `--user-data-dir=${PROFILE_DIR}`,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-first-run',
      '--no-default-browser-check',
      demoUrl,
    ],
    { stdio: 'ignore' },
  );
  browser.on('error', (error) =>
    printLoadInstructions(demoUrl, `Could not start ${executablePath}: ${error.message}.`),
  );
  browser.on('exit', (code, signal) => {
    if (signal) return; // stopped by Ctrl-C along with the server
    if (code === 0) {
      say('The browser was closed; the server keeps running. Press Ctrl-C to stop it.');
    } else {
      printLoadInstructions(demoUrl, `${executablePath} exited with code ${code}.`);
    }
  });
  return browser;
}

function printLoadInstructions(demoUrl: string, reason: string): void {
  say('');
  say(`${reason} Load the extension by hand:`);
  say('  1. Open chrome://extensions in Chrome, Chromium or Edge (edge://extensions).');
  say('  2. Turn on "Developer mode".');
  say('  3. Click "Load unpacked" and choose this folder:');
  say(`       ${EXTENSION_DIR}`);
  say(`  4. Open ${demoUrl}`);
}

async function main(): Promise<void> {
  const port = readPort();
  say(`Starting the Touchpoint reference server with demo data (${DB_PATH})…`);
  const server = await startDemoServer(port);
  let browser: ChildProcess | undefined;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    say(`\n${signal}: finishing in-flight requests, then stopping the server…`);
    browser?.kill();
    void server.close().then(() => {
      say('Stopped; the database is closed.');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const demoUrl = `${server.url}/demo`;
  say(`Server: ${server.url} (health: ${server.url}/v1/health, demo page: ${demoUrl})`);
  say(
    `Demo API keys (loopback only): read ${DEMO_KEYS.read}, write ${DEMO_KEYS.write}, admin ${DEMO_KEYS.admin}`,
  );

  say(`Building the extension for ${server.url}…`);
  try {
    await buildExtension(server.url);
  } catch (error) {
    await server.close();
    fail(error instanceof Error ? error.message : String(error));
  }
  say(`Extension built: ${EXTENSION_DIR} (configured for ${server.url} with the demo read key)`);

  let chromium;
  try {
    chromium = findChromium();
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
  }
  if (!hasDisplay()) {
    printLoadInstructions(
      demoUrl,
      'No display here (DISPLAY/WAYLAND_DISPLAY unset), so no browser opens.',
    );
  } else if (!chromium) {
    printLoadInstructions(demoUrl, `No Chromium found to open. ${HOW_TO_GET_CHROMIUM} Or:`);
  } else {
    say(
      `Opening ${chromium.executablePath} with the extension on ${demoUrl} (profile ${PROFILE_DIR})`,
    );
    browser = openBrowser(chromium.executablePath, demoUrl);
  }
  say('');
  say('The server runs until you press Ctrl-C.');
}

main().catch((error: unknown) =>
  fail(
    `npm start failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  ),
);

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * Where a Chromium that loads unpacked extensions is found: `CHROMIUM_PATH`, then the usual
 * system paths, then Playwright's own installed browser. Shared by the browser tests and
 * `npm start`.
 */

const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

// Branded Google Chrome 137+ ignores --load-extension, so it is only a last resort.
const BRANDED_CHROME_PATHS = [
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const LAST_BRANDED_CHROME_WITH_LOAD_EXTENSION = 136;

export const HOW_TO_GET_CHROMIUM =
  'Install Chromium (Debian/Ubuntu: `apt-get update && apt-get install -y chromium`; macOS: ' +
  '`brew install --cask chromium`) or set CHROMIUM_PATH to a Chromium executable.';

export interface FoundChromium {
  executablePath: string;
  /** How it was found, for log lines. */
  source: 'CHROMIUM_PATH' | 'system' | 'playwright' | 'google-chrome';
}

/** Like {@link findChromium}, but throws a message that says how to get one. */
export function requireChromium(): FoundChromium {
  const found = findChromium();
  if (!found) {
    throw new Error(`No Chromium found for the browser tests. ${HOW_TO_GET_CHROMIUM}`);
  }
  return found;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium | undefined {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    // An explicit choice that does not exist is a mistake to report, not to paper over.
    if (!existsSync(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH is set to "${fromEnv}", but no file exists there. Fix the path or unset it.`,
      );
    }
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => existsSync(path));
  if (system) return { executablePath: system, source: 'system' };
  const branded = BRANDED_CHROME_PATHS.find(
    (path) =>
      existsSync(path) && (majorVersion(path) ?? 999) <= LAST_BRANDED_CHROME_WITH_LOAD_EXTENSION,
  );
  if (branded) return { executablePath: branded, source: 'google-chrome' };
  const playwright = playwrightChromiumPath();
  if (playwright) return { executablePath: playwright, source: 'playwright' };
  return undefined;
}

function playwrightChromiumPath(): string | undefined {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function majorVersion(executable: string): number | undefined {
  try {
    const out = execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 5000 });
    const match = /(\d+)\.\d+\.\d+/.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

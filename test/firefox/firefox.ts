import { existsSync } from 'node:fs';

/**
 * Where a Firefox for the browser tests is found: `FIREFOX_PATH`, then the usual system
 * paths (Debian's `firefox-esr` first: companies that deploy by policy standardise on ESR).
 */
const SYSTEM_FIREFOX_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export const HOW_TO_GET_FIREFOX =
  'Install Firefox ESR (Debian/Ubuntu: `apt-get update && apt-get install -y firefox-esr`) or ' +
  'set FIREFOX_PATH to a Firefox executable.';

export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.FIREFOX_PATH?.trim();
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(
        `FIREFOX_PATH is set to "${fromEnv}", but no file exists there. Fix the path or unset it.`,
      );
    }
    return fromEnv;
  }
  return SYSTEM_FIREFOX_PATHS.find((path) => existsSync(path));
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertBuilt, buildExtension } from '../e2e/global-setup';
import { findFirefox, HOW_TO_GET_FIREFOX } from './firefox';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The unpacked Firefox build the Firefox tests install ('' when they are skipped). */
    firefoxExtensionDir: string;
    /** '' when no Firefox was found outside CI: the Firefox tests are skipped. */
    firefoxPath: string;
  }
}

/**
 * Builds the Firefox extension once per run, as the Chromium suite builds its own (no
 * backend built in; demo page and test hooks on). Without a Firefox the project is skipped
 * with one line saying how to get one; in CI a missing Firefox fails the run.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const firefox = findFirefox();
  if (!firefox) {
    if (process.env.CI)
      throw new Error(`No Firefox found for the Firefox tests. ${HOW_TO_GET_FIREFOX}`);
    console.log(`[firefox] skipped: no Firefox found. ${HOW_TO_GET_FIREFOX}`);
    project.provide('firefoxPath', '');
    project.provide('firefoxExtensionDir', '');
    return () => undefined;
  }
  const outBase = mkdtempSync(join(tmpdir(), 'touchpoint-firefox-build-'));
  const started = performance.now();
  await buildExtension(outBase, {}, 'firefox');
  const extensionDir = join(outBase, 'firefox-mv2');
  assertBuilt(extensionDir);
  console.log(
    `[firefox] built the extension in ${Math.round(performance.now() - started)} ms → ${extensionDir}; Firefox: ${firefox}`,
  );
  project.provide('firefoxPath', firefox);
  project.provide('firefoxExtensionDir', extensionDir);
  return () => rmSync(outBase, { recursive: true, force: true });
}

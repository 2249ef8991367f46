import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run screenshots`: runs the browser tests that photograph what a user sees (launcher,
 * in-page sidebar on routed Gmail / Salesforce / HubSpot, the sidebar's states, the options
 * and library pages) against the real reference server, then copies the pictures the README
 * shows into docs/screenshots/. Every picture the tests took stays in test-results/screenshots/.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TAKEN = join(ROOT, 'test-results', 'screenshots');
const DOCS = join(ROOT, 'docs', 'screenshots');

const SUITES = [
  'test/e2e/launcher.test.ts',
  'test/e2e/sidebar.test.ts',
  'test/e2e/options.test.ts',
  'test/e2e/library.test.ts',
  'test/e2e/draft-check.test.ts',
  'test/e2e/sidebar-feedback.test.ts',
].filter((file) => existsSync(join(ROOT, file)));

/** The pictures the README and docs link to. */
const PUBLISHED = [
  'inpage-sidebar-gmail',
  'inpage-sidebar-salesforce',
  'sidebar-ready-light',
  'sidebar-ready-dark',
  'sidebar-draft-check',
  'sidebar-exposure',
  'library',
];

rmSync(TAKEN, { recursive: true, force: true });
const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...SUITES], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (run.status !== 0) {
  console.error(
    `\nThe browser tests failed (exit ${run.status ?? run.signal}); docs/screenshots/ was left as it was. Fix the failure above, then run \`npm run screenshots\` again.`,
  );
  process.exit(1);
}

const taken = existsSync(TAKEN) ? readdirSync(TAKEN).filter((f) => f.endsWith('.png')) : [];
mkdirSync(DOCS, { recursive: true });
const missing: string[] = [];
for (const name of PUBLISHED) {
  const file = `${name}.png`;
  if (taken.includes(file)) copyFileSync(join(TAKEN, file), join(DOCS, file));
  else missing.push(file);
}
console.log(`\n${taken.length} screenshots in ${TAKEN}`);
console.log(
  `published to ${DOCS}: ${PUBLISHED.filter((n) => !missing.includes(`${n}.png`)).join(', ')}`,
);
if (missing.length > 0) {
  console.error(`No test took ${missing.join(', ')}: a test was renamed or skipped.`);
  process.exit(1);
}

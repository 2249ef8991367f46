/**
 * Content script size, raw and gzip (budget: ≤ 12 KB gzip — it loads on every Gmail and CRM
 * page). Builds the extension first so the figure is for the current code.
 */
import { execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

execSync('npx wxt build', { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });

const dir = '.output/chrome-mv3/content-scripts';
const BUDGET_GZIP = 12 * 1024;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join(dir, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  console.log(
    `content script ${file}: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip ` +
      `(budget ${(BUDGET_GZIP / 1024).toFixed(0)} KB gzip: ${gzip <= BUDGET_GZIP ? 'within' : 'OVER'})`,
  );
}
// Parts injected on demand (utils/content/parts.ts): the frame on first open, the draft
// watcher once a compose is open.
for (const file of readdirSync('.output/chrome-mv3').filter((f) => /^part-.*\.js$/.test(f))) {
  const bytes = readFileSync(join('.output/chrome-mv3', file));
  console.log(
    `on-demand part ${file}: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`,
  );
}
const chunkDir = '.output/chrome-mv3/chunks';
const chunks = readdirSync(chunkDir).filter((f) => f.endsWith('.js'));
const pages = chunks.map((f) => readFileSync(join(chunkDir, f)));
const raw = pages.reduce((sum, b) => sum + b.length, 0);
const gzip = pages.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
console.log(
  `extension pages (sidebar + options chunks, loaded only when shown): ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`,
);

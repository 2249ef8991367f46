/**
 * `npm run bench`: every benchmark in turn, each printing its own figures. Benchmarks print;
 * they never assert timings (tests do not depend on how busy the machine is).
 * Run one with `npx tsx test/bench/<name>.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const benches = [
  'content-size.bench.ts',
  'detection.bench.ts',
  'page-cost.bench.ts',
  'sidebar-paint.bench.ts',
  'check-draft.bench.ts',
  'draft-typing.bench.ts',
  'server.bench.ts',
].filter((name) => existsSync(join(here, name)));

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name}`);
  const result = spawnSync('npx', ['tsx', join(here, name)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`${name} exited with ${result.status ?? result.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;

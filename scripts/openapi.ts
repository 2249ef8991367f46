/**
 * `npm run openapi` writes docs/openapi.json from the zod schemas and the route table;
 * `npm run openapi -- --check` exits 1 when the committed file is out of date (for CI).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../utils/contract/openapi';

const target = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'openapi.json');
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--check');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}`);
  console.error('Usage: npm run openapi [-- --check]');
  process.exit(2);
}

const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;

if (args.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    console.error(`${target} does not exist. Run \`npm run openapi\` and commit it.`);
    process.exit(1);
  }
  if (current !== text) {
    console.error(
      `${target} is out of date with utils/contract/ (schemas.ts, routes.ts). Run \`npm run openapi\` and commit it.`,
    );
    process.exit(1);
  }
  console.log(`${target} is up to date.`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`Wrote ${target} (${text.length} bytes).`);
}

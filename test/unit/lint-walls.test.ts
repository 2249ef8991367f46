import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Lint keeps the walls between rooms (eslint.config.js): each planted file breaks one wall
 * and must fail with the rule that guards it; the clean one must pass. The files are written
 * into the rooms for real, since the zones resolve imports to files and the type-aware rules
 * need the file in the TypeScript project.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const tag = `planted-${process.pid}`;

interface Plant {
  name: string;
  file: string;
  code: string;
  rule: string;
}

const PLANTS: Plant[] = [
  {
    name: 'content script imports background code',
    file: 'utils/content/x.ts',
    code: "import { registerBackgroundHandlers } from '../background/handlers';\nexport const x = registerBackgroundHandlers;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'content script imports React',
    file: 'utils/content/x.ts',
    code: "import { useState } from 'react';\nexport const x = useState;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'content script imports zod',
    file: 'utils/content/x.ts',
    code: "import { z } from 'zod';\nexport const x = z.string();\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'content script imports ky',
    file: 'utils/content/x.ts',
    code: "import ky from 'ky';\nexport const x = ky;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'content script imports a UI component',
    file: 'utils/content/x.ts',
    code: "import { ContextView } from '../../components/sidebar/ContextView';\nexport const x = ContextView;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'content script imports the storage library',
    file: 'utils/content/x.ts',
    code: "import { storage } from 'wxt/utils/storage';\nexport const x = storage;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'content script imports the settings storage',
    file: 'entrypoints/x.content.ts',
    code: "import * as settings from '../utils/settings/items';\nexport const x = settings;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'UI imports background internals',
    file: 'components/sidebar/x.ts',
    code: "import { registerBackgroundHandlers } from '../../utils/background/handlers';\nexport const x = registerBackgroundHandlers;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'UI imports a type from the backend client',
    file: 'components/x.ts',
    code: "import type { ContactContext } from '../utils/backend-client/context-merge';\nexport type X = ContactContext;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'background imports UI',
    file: 'utils/background/x.ts',
    code: "import { ContextView } from '../../components/sidebar/ContextView';\nexport const x = ContextView;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'server imports extension code',
    file: 'server/x.ts',
    code: "import { effectiveSettings } from '../utils/background/effective-settings';\nexport const x = effectiveSettings;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'server imports the browser API',
    file: 'server/x.ts',
    code: "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'a pure room imports the browser API',
    file: 'utils/sites/x.ts',
    code: "import { browser } from 'wxt/browser';\nexport const x = browser;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'the contract imports server code',
    file: 'utils/contract/x.ts',
    code: "import { startServer } from '../../server/main';\nexport const x = startServer;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'the protocol imports background code',
    file: 'utils/protocol/x.ts',
    code: "import type { effectiveSettings } from '../background/effective-settings';\nexport type X = typeof effectiveSettings;\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    name: 'a floating promise',
    file: 'utils/consistency/x.ts',
    code: 'async function later(): Promise<void> {}\nexport function x(): void {\n  later();\n}\n',
    rule: '@typescript-eslint/no-floating-promises',
  },
];

const planted = (file: string) => file.replace(/x(\.content)?\.ts$/, `${tag}$1.ts`);
const written = new Set<string>();
let eslint: ESLint;

function plant(file: string, code: string): string {
  const path = join(root, planted(file));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, code);
  written.add(path);
  return path;
}

async function rulesBroken(path: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([path]);
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

afterAll(() => {
  for (const path of written) rmSync(path, { force: true });
});

describe('lint walls', { timeout: 180_000 }, () => {
  it('passes a file that keeps to its room', async () => {
    const path = plant(
      'utils/content/x.ts',
      "import { sendMessage } from '../protocol/protocol';\nexport async function x(): Promise<void> {\n  await sendMessage('getBackendStatus');\n}\n",
    );
    expect(await rulesBroken(path)).toEqual([]);
  });

  it.each(PLANTS)('fails: $name', async ({ file, code, rule }) => {
    const path = plant(file, code);
    expect(await rulesBroken(path)).toContain(rule);
    rmSync(path, { force: true });
  });

  it('fails an import circle', async () => {
    const a = plant(
      'utils/consistency/x.ts',
      `import { b } from './${tag}-b';\nexport const a = () => b;\n`,
    );
    plant(
      `utils/consistency/${tag}-b.ts`,
      `import { a } from './${tag}';\nexport const b = () => a;\n`,
    );
    expect(await rulesBroken(a)).toContain('import-x/no-cycle');
  });
});

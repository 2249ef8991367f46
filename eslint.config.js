import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';

/**
 * The walls between rooms (README, Development): each room is a folder named for where its
 * code runs, and these zones say what it may not import. Paths are resolved to files, so a
 * wall holds whatever the relative path; type-only imports count too (a type from the
 * background in a page is a sign the page reaches past the protocol).
 */
const EXTENSION_RUNTIME = ['node_modules/wxt', 'node_modules/webextension-polyfill'];
const REACT = ['node_modules/react', 'node_modules/react-dom'];
// WXT's storage is `wxt/utils/storage`, a re-export of @wxt-dev/storage: both are walled off.
const HEAVY_FOR_CONTENT = [
  'node_modules/zod',
  'node_modules/ky',
  'node_modules/@wxt-dev/storage',
  'node_modules/wxt/dist/utils/storage.mjs',
];
const EXTENSION_ROOMS = [
  'utils/background',
  'utils/backend-client',
  'utils/content',
  'utils/protocol',
  'utils/settings',
  'components',
  'entrypoints',
];
const UI = ['components', 'entrypoints/sidebar', 'entrypoints/options', 'entrypoints/library'];
const CONTENT = ['utils/content', 'entrypoints/*.content.ts', 'entrypoints/part-*.ts'];

export const ROOM_ZONES = [
  {
    target: CONTENT,
    from: [
      'utils/background',
      'utils/backend-client',
      'utils/settings',
      'components',
      'utils/contract/schemas.ts',
      ...REACT,
      ...HEAVY_FOR_CONTENT,
    ],
    message:
      'The content script runs on every page load: no background code, UI, React, zod, ky or storage library (ask the background through utils/protocol).',
  },
  {
    target: UI,
    from: ['utils/background', 'utils/backend-client', 'utils/content'],
    message:
      'Extension pages reach the background only through utils/protocol (types included); its internals and the backend client stay behind that door.',
  },
  {
    target: ['utils/background', 'entrypoints/background.ts'],
    from: ['components', 'utils/content', ...UI.slice(1), ...REACT],
    message: 'The background never imports UI or content-script code.',
  },
  {
    target: ['server'],
    from: [...EXTENSION_ROOMS, ...EXTENSION_RUNTIME, ...REACT],
    message:
      'The server imports only the contract (utils/contract) and pure modules, never extension code.',
  },
  {
    target: ['utils/contract', 'utils/sites', 'utils/consistency'],
    from: [...EXTENSION_ROOMS, 'server', ...EXTENSION_RUNTIME, ...REACT],
    message:
      'Pure rooms run in Node, in the server and in every extension context: no browser API, no extension room, no server.',
  },
  {
    target: ['utils/protocol'],
    from: ['utils/background', 'utils/content', 'components', 'entrypoints', 'server'],
    message: 'The protocol is the door: message types only, importing no side of it.',
  },
  {
    target: ['utils/settings'],
    from: ['utils/background', 'utils/backend-client', 'utils/content', 'components', 'server'],
    message: 'Settings are read by the background and pages alike: they import neither.',
  },
];

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'data/**',
      'docs/**',
      'test-results/**',
      'tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // useLiveEffect (components/use-live-effect.ts) takes deps as useEffect does.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '(useLiveEffect)' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render backend strings as text.',
        },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The code relies on its `void` discipline: a promise is awaited, returned, or marked
    // `void` where nobody waits on purpose.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // Product code only: a room's own tests may reach for test helpers and fixtures.
    files: ['**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: ROOM_ZONES }] },
  },
);

import type { Dataset } from './seed/dataset';

/** What `server/seed/demo.ts` exports (written separately; loaded only when needed). */
export interface DemoSeedModule {
  buildDemoDataset(options?: { now?: Date }): Dataset;
  DEMO_PROMINENT_CONTACTS?: readonly string[];
}

/**
 * Loads the demo seed on demand: the server starts without it, and `--seed demo` or the demo
 * page explain what is missing instead of crashing at import time.
 */
export async function importDemoSeed(): Promise<DemoSeedModule> {
  const specifier = './seed/demo.ts';
  let loaded: Partial<DemoSeedModule>;
  try {
    loaded = (await import(/* @vite-ignore */ specifier)) as Partial<DemoSeedModule>;
  } catch (error) {
    throw new Error(
      `The demo seed (server/seed/demo.ts) could not be loaded: ${error instanceof Error ? error.message : String(error)}. Start without --seed demo, or restore that file.`,
    );
  }
  if (typeof loaded.buildDemoDataset !== 'function') {
    throw new Error('server/seed/demo.ts does not export buildDemoDataset(options?).');
  }
  return loaded as DemoSeedModule;
}

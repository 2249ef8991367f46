import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command line's `--flags`, as every Touchpoint command reads them: strict (an unknown flag
 * is an error that names it), no positionals. Throws with node's message; callers add usage.
 */
export function parseFlags<const O extends Options>(argv: string[], options: O) {
  return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
}

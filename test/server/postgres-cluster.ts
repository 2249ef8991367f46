import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throw-away PostgreSQL cluster for the tests: initdb in a temporary folder, listening on
 * 127.0.0.1 only, on a free port, trusting local connections (nothing else can reach it).
 * Durability is off: the cluster is deleted afterwards, and fsync on 2 shared cores is slow.
 */

export interface PostgresCluster {
  /** Connection URL of the `postgres` database, as the `postgres` superuser. */
  url: string;
  stop(): Promise<void>;
}

export const INSTALL_HINT =
  'PostgreSQL is needed for the PostgreSQL store tests: install it with `apt-get install -y postgresql` (Debian/Ubuntu; the tests look for /usr/lib/postgresql/*/bin/initdb), or set TOUCHPOINT_TEST_POSTGRES_URL=postgres://user:pass@host:port/db to use a running server whose user may create databases.';

/** The newest installed PostgreSQL's bin folder, or null. */
async function findBinDir(): Promise<string | null> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = (await readdir(root))
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const existing = process.env.TOUCHPOINT_TEST_POSTGRES_URL?.trim();
  if (existing) return { url: existing, stop: async () => {} };

  const bin = await findBinDir();
  if (!bin) throw new Error(INSTALL_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'touchpoint-pg-'));
  // initdb refuses to run as root: the cluster then belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const command = async (file: string, args: string[]) => {
    const [cmd, cmdArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, file), ...args]]
      : [join(bin, file), args];
    try {
      return await run(cmd, cmdArgs, { cwd: dir });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`${file} failed: ${stderr.trim() || String(error)}`);
    }
  };
  try {
    if (asRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
        throw new Error(`There is no "postgres" user to run the cluster as. ${INSTALL_HINT}`);
      });
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const data = join(dir, 'data');
    await command('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      // Test files run in parallel, each with its own pools.
      '-c max_connections=300',
    ].join(' ');
    await command('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      settings,
      '-w',
      'start',
    ]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        await command('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

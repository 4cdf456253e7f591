/**
 * A throwaway PostgreSQL server for the SQL tests: Debian's binaries (scripts/ensure-postgres.sh installs them),
 * `initdb` in a fresh temporary folder, started with a Unix socket in that folder and no TCP listener, stopped and
 * removed by `stop()`. PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user the
 * Debian package creates (or `nobody`), through `runuser`; the folder is given to that user.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The folder holding initdb and pg_ctl: the newest /usr/lib/postgresql/<version>/bin, else the one on PATH. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return join(root, versions[0], 'bin');
  try {
    const onPath = execFileSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).trim();
    if (onPath) return join(onPath, '..');
  } catch {
    // reported below
  }
  throw new Error('PostgreSQL is not installed: run `bash scripts/ensure-postgres.sh` (Debian package postgresql)');
}

/** The account to run the server as when we are root, with its uid and gid. */
function serverAccount(): { name: string; uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }));
      return { name, uid, gid };
    } catch {
      // try the next one
    }
  }
  throw new Error('running as root and neither the postgres nor the nobody account exists to run PostgreSQL');
}

export interface PostgresServer {
  /** The socket folder (the client's `host`). */
  readonly socketDir: string;
  readonly version: string;
  /** A connected client that reads BIGINT and NUMERIC as numbers and DATE as its ISO text. */
  connect(): Promise<pg.Client>;
  stop(): void;
}

const TYPES = {
  getTypeParser(oid: number, format?: string): (value: string) => unknown {
    if (oid === 20 || oid === 1700) return (value) => Number(value); // int8, numeric
    if (oid === 1082) return (value) => value; // date
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export function startPostgres(): PostgresServer {
  const bin = postgresBinDir();
  const account = serverAccount();
  const dir = mkdtempSync(join(tmpdir(), 'segmentkit-pg-'));
  const data = join(dir, 'data');
  if (account) chownSync(dir, account.uid, account.gid);
  const run = (tool: string, args: string[]): string => {
    const command = join(bin, tool);
    const [file, argv] = account ? ['runuser', ['-u', account.name, '--', command, ...args]] : [command, args];
    return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const settings = `-k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const version = run('postgres', ['--version']).trim();
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A worker that ends without afterAll (a timeout, a crash) still stops its server.
  process.once('exit', stop);
  return {
    socketDir: dir,
    version,
    async connect() {
      const client = new pg.Client({ host: dir, user: 'postgres', database: 'postgres', types: TYPES });
      await client.connect();
      return client;
    },
    stop,
  };
}

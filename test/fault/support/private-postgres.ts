/**
 * A PostgreSQL cluster of one fault suite: initdb into a temp dir under `.local/`, its own port,
 * `pg_ctl` by path (binaries found as deploy/local/postgres.sh finds them). As root (CI) the server
 * runs as the postgres user, like the shared cluster. It may be stopped hard and started again; it
 * is never the shared cluster of the other suites.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ROOT } from '../../production/support/processes.js';

const PG_ROOT = '/usr/lib/postgresql';

/** Whether the postgres user can enter `dir` (every folder above it must let it through). */
const postgresReaches = (dir: string): boolean => {
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** The newest installed PostgreSQL's bin directory, or null (as `pg_bin` in deploy/local/postgres.sh). */
export function pgBin(): string | null {
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions[versions.length - 1];
  return newest === undefined ? null : join(PG_ROOT, newest, 'bin');
}

const isRoot = (): boolean => process.getuid?.() === 0;

export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** `postgres://authz:<password>@127.0.0.1:<port>/authz` once `create()` resolved. */
  url(password = PrivatePostgres.PASSWORD): string {
    return `postgres://authz:${password}@127.0.0.1:${this.port}/authz`;
  }

  static readonly PASSWORD = 'fault-suite-db-password-71';

  /** initdb, start, and a superuser `authz` with a password and its database. */
  static async create(label: string): Promise<PrivatePostgres> {
    const bin = pgBin();
    if (bin === null) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (run deploy/local/postgres.sh start once)');
    const local = join(ROOT, '.local');
    mkdirSync(local, { recursive: true });
    if (isRoot()) chmodSync(local, 0o755);
    // As deploy/local/postgres.sh: when the postgres user cannot reach the checkout (a private folder), /var/tmp.
    const base = isRoot() && !postgresReaches(local) ? '/var/tmp' : local;
    const dir = mkdtempSync(join(base, `fault-pg-${label}-`));
    const cluster = new PrivatePostgres(dir, await freePort(), bin);
    if (isRoot()) {
      // The server runs as postgres: it needs its own directory.
      execFileSync('chown', ['postgres:postgres', dir]);
    } else {
      chownSync(dir, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
    }
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
    appendFileSync(
      join(cluster.dataDir, 'postgresql.conf'),
      `\nlisten_addresses = '127.0.0.1'\nport = ${cluster.port}\nunix_socket_directories = '${dir}'\nmax_connections = 200\nshared_buffers = 64MB\nfsync = off\n`,
    );
    cluster.start();
    cluster.psql(`CREATE ROLE authz LOGIN SUPERUSER PASSWORD '${PrivatePostgres.PASSWORD}'`);
    cluster.psql('CREATE DATABASE authz OWNER authz');
    // Passwords from now on (trust only over the socket for the admin here).
    writeFileSync(join(cluster.dataDir, 'pg_hba.conf'), 'local all all trust\nhost all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n');
    cluster.run('pg_ctl', ['-D', cluster.dataDir, 'reload']);
    return cluster;
  }

  private run(tool: string, args: readonly string[]): string {
    const command = join(this.bin, tool);
    const options = { stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], timeout: 120_000, encoding: 'utf8' as const };
    return isRoot() ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], options) : execFileSync(command, args, options);
  }

  private psql(sql: string): void {
    this.run('psql', ['-h', this.dir, '-p', String(this.port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql]);
  }

  /** Starts the server and waits until it accepts connections (pg_ctl -w, generous bound). */
  start(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-w', '-t', '120', 'start']);
  }

  /** `pg_ctl stop -m immediate`: every backend ends at once, no checkpoint (crash recovery on start). */
  stopImmediate(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', '-t', '120', 'stop']);
  }

  /** Whether the server accepts connections now. */
  ready(): boolean {
    try {
      this.run('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(this.port)]);
      return true;
    } catch {
      return false;
    }
  }

  /** Stops the server (fast) and removes its directory. */
  destroy(): void {
    try {
      if (existsSync(join(this.dataDir, 'postmaster.pid'))) this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

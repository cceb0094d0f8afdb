// A PostgreSQL cluster of the benchmark's own (initdb under .local/ or /var/tmp, its own port), as
// test/fault/support/private-postgres.ts makes one. For benchmarks whose bulk loads run long
// transactions: PostgreSQL readers of the event store see only events below the cluster-wide
// transaction horizon, so on a shared cluster such a load holds back every other reader.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './api-process.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_ROOT = '/usr/lib/postgresql';
const PASSWORD = 'bench-private-cluster-password';
const isRoot = () => process.getuid?.() === 0;

function pgBin() {
  if (!existsSync(PG_ROOT)) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql (run deploy/local/postgres.sh start once)');
  const versions = readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(a) - Number(b));
  return join(PG_ROOT, versions[versions.length - 1], 'bin');
}

const reaches = (dir) => {
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Starts a cluster (fsync on, as the shared one) and resolves to { url, stop }: `url` is its `authz` database. */
export async function privateCluster(label) {
  const bin = pgBin();
  const local = join(ROOT, '.local');
  mkdirSync(local, { recursive: true });
  if (isRoot()) chmodSync(local, 0o755);
  const dir = mkdtempSync(join(isRoot() && !reaches(local) ? '/var/tmp' : local, `bench-pg-${label}-`));
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool, args) => {
    const options = { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, encoding: 'utf8' };
    return isRoot() ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args], options) : execFileSync(join(bin, tool), args, options);
  };
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale']);
  appendFileSync(join(data, 'postgresql.conf'), `\nlisten_addresses = '127.0.0.1'\nport = ${port}\nunix_socket_directories = '${dir}'\nmax_connections = 200\nshared_buffers = 256MB\nmax_wal_size = 4GB\n`);
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '120', 'start']);
  const psql = (sql) => run('psql', ['-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql]);
  psql(`CREATE ROLE authz LOGIN SUPERUSER PASSWORD '${PASSWORD}'`);
  psql('CREATE DATABASE authz OWNER authz');
  writeFileSync(join(data, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n');
  run('pg_ctl', ['-D', data, 'reload']);
  return {
    url: `postgres://authz:${PASSWORD}@127.0.0.1:${port}/authz`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '120', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

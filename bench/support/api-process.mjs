// Starts a compiled app (dist/apps/.../main.js) as a child process and waits until it answers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ENTRIES = {
  api: join(root, 'dist/apps/authorization-service/src/main.js'),
  allInOne: join(root, 'dist/apps/all-in-one/src/main.js'),
};

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Spawns `entry` with `env` (PORT/HOST chosen here) and resolves once GET /health/live answers 200.
 * `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…']. Returns { url, pid, startupMs, caughtUp, logs, stop }.
 * `caughtUp` is parsed from the processor host's "permission-index caught up: N events in X ms" line (LOG_LEVEL info).
 */
export async function startApp(entry, env, { nodeArgs = [], timeoutMs = 180_000 } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs = [];
  let caughtUp = null;
  const collect = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue;
      if (logs.length < 400) logs.push(line);
      const match = /permission-index caught up: (\d+) events in (\d+) ms/.exec(line);
      if (match) caughtUp = { events: Number(match[1]), ms: Number(match[2]) };
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (exited) throw new Error(`app exited during start-up (${JSON.stringify(exited)}):\n${logs.slice(-30).join('\n')}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`app did not answer within ${timeoutMs} ms:\n${logs.slice(-30).join('\n')}`);
    }
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  const startupMs = performance.now() - started;
  return {
    url,
    pid: child.pid,
    startupMs,
    get caughtUp() {
      return caughtUp;
    },
    logs,
    /** SIGTERM (graceful: lets --cpu-prof write its profile), SIGKILL after `graceMs`. */
    async stop(graceMs = 20_000) {
      if (exited) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}

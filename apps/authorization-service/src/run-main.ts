import type { INestApplication } from '@nestjs/common';
import cluster, { type Worker } from 'node:cluster';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, reportStartFailure, silenceNestUntilStarted } from '../../../libs/platform/src/index.js';
import { HealthController } from './health/health.controller.js';
import { markClosing } from './http/closing.js';

/** How long readiness stays red while requests are still served, so load balancers stop sending first. */
const DRAIN_MS = 1000;

/**
 * An HTTP app from start to stop (the API, the all-in-one). A configuration mistake at start is one
 * clear line on stderr and exit code 78 (EX_CONFIG), a store that does not answer one line and exit
 * code 69 (EX_UNAVAILABLE), instead of a stack trace. Nest's own shutdown runs every module's
 * destroy hook — the processor host stops there — before it closes the HTTP server, so requests
 * in flight or arriving while readiness drains would meet a stopped read side (a check waiting on a
 * consistency token never answered). Here a signal turns readiness red and makes each answer end its
 * keep-alive connection, serves on for DRAIN_MS, closes the server (no new connections; every
 * request in flight answered) with every module still up, and only then closes the app: exit 0, or 1
 * after a failed or overlong (SHUTDOWN_TIMEOUT_MS) shutdown. A signal before the app listens (a
 * worker of a process group stopped while it starts) has nothing to drain: exit 0.
 */
export async function serveHttp(start: () => Promise<INestApplication>, name?: string): Promise<void> {
  let serving: INestApplication | undefined;
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      if (serving === undefined) process.exit(0);
      markClosing();
      setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
      closeGracefully(serving).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  silenceNestUntilStarted();
  try {
    serving = await start();
  } catch (error: unknown) {
    reportStartFailure(name, error);
  }
}

async function closeGracefully(app: INestApplication): Promise<void> {
  app.get(HealthController, { strict: false }).beforeApplicationShutdown();
  await sleep(DRAIN_MS);
  await app.getHttpAdapter().close();
  await app.close();
}

export const MAX_API_WORKERS = 64;

/** `API_WORKERS`: how many processes serve the API's port (default 1: this process itself). */
export function apiWorkers(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 1;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_API_WORKERS) reportStartFailure(undefined, new ConfigError('API_WORKERS', `must be a whole number from 1 to ${MAX_API_WORKERS}, got "${value}"`));
  return count;
}

/** A shutdown that has not finished by then (a stuck client) ends with exit code 1: a process's, and the primary's for its workers. */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

/** How often a worker that fails after it started is replaced before the primary gives up (per minute). */
const RESTARTS_PER_MINUTE = 5;

/** A worker that the stop signal ended before it could handle it (still loading its modules) had nothing in flight. */
const stoppedBy = (code: number | null, signal: string | null): boolean => code === 0 || signal === 'SIGTERM' || signal === 'SIGINT';

/**
 * The primary of API_WORKERS > 1 (node:cluster): forks the workers, which share the port and each
 * hold their own permission index (a consistency token is waited for by the worker that answers,
 * as by a replica). A worker that cannot start ends the primary with its exit code (a configuration
 * error is one for all); one that dies later is replaced. SIGTERM/SIGINT, to the primary alone or to
 * the whole process group at once, stop the forking and reach every worker, which drains and closes
 * as a single process would (a worker ended by the stop signal before the primary saw one is taken
 * as that stop: its effects may arrive in any order); the primary exits once they all have, 0 if each ended cleanly, and
 * kills those still running after SHUTDOWN_TIMEOUT_MS (exit code 1).
 */
export function superviseWorkers(count: number): void {
  const listening = new WeakSet<Worker>();
  const restarts: number[] = [];
  let exitCode: number | null = null;
  // A dead worker stays in cluster.workers until its channel has closed too, which may come after its exit.
  const alive = (): Worker[] => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
  const stop = (code: number): void => {
    if (exitCode === null) {
      exitCode = code;
      for (const worker of alive()) worker.process.kill('SIGTERM');
      setTimeout(() => {
        process.stderr.write(`API workers still running after ${SHUTDOWN_TIMEOUT_MS} ms of shutdown, killed\n`);
        for (const worker of alive()) worker.process.kill('SIGKILL');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
    }
    if (alive().length === 0) process.exit(exitCode);
  };
  const fork = (replacing?: number): void => {
    const worker = cluster.fork();
    worker.on('listening', () => {
      listening.add(worker);
      if (replacing !== undefined) process.stderr.write(`API worker ${worker.process.pid ?? '?'} serves in place of ${replacing}\n`);
    });
  };
  cluster.on('exit', (worker, code, signal) => {
    if (exitCode !== null) {
      if (!stoppedBy(code, signal)) {
        process.stderr.write(`API worker ${worker.process.pid ?? '?'} ended while stopping (${signal ?? `exit code ${code}`})\n`);
        if (exitCode === 0) exitCode = 1;
      }
      stop(exitCode);
      return;
    }
    // Ended by a stop signal (or cleanly, which a worker does only when told to stop) before this
    // process saw one: the group is being stopped (systemd, a container runtime), and the order in
    // which the signal's effects arrive here is the machine's — stop, as the primary's own signal would.
    if (stoppedBy(code, signal)) {
      stop(0);
      return;
    }
    // One that never served would fail again (configuration, store unreachable): all stop, with its code.
    if (!listening.has(worker)) {
      stop(code ?? 1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
    const giveUp = restarts.length > RESTARTS_PER_MINUTE;
    process.stderr.write(`API worker ${worker.process.pid ?? '?'} ended (${signal ?? `exit code ${code}`}); ${giveUp ? 'too many restarts, stopping' : 'starting another'}\n`);
    if (giveUp) stop(1);
    else fork(worker.process.pid);
  });
  for (const name of ['SIGTERM', 'SIGINT'] as const) process.on(name, () => stop(0));
  for (let i = 0; i < count; i++) fork();
}

// CPU time accounting from /proc (Linux): who spent the CPU during a run (the app, PostgreSQL, the load generator).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const TICK = 100; // USER_HZ on Linux

/** `pid` and its descendants (a cluster primary's workers), from /proc/<pid>/task/<tid>/children. */
function treeOf(pid, into = []) {
  into.push(pid);
  const read = (path, fallback) => {
    try {
      return path.endsWith('/task') ? readdirSync(path) : readFileSync(path, 'utf8');
    } catch {
      return fallback;
    }
  };
  for (const task of read(`/proc/${pid}/task`, [])) {
    for (const child of read(`/proc/${pid}/task/${task}/children`, '').split(' ').filter(Boolean)) treeOf(Number(child), into);
  }
  return into;
}

/** CPU of a process and its descendants alive at the start (a cluster primary and its workers). */
function treeCpu(pids) {
  let seconds = 0;
  let system = 0;
  let found = false;
  for (const pid of pids) {
    const cpu = procCpu(pid);
    if (!cpu) continue;
    found = true;
    seconds += cpu.seconds;
    system += cpu.system;
  }
  return found ? { seconds, system } : null;
}

function procCpu(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), seconds: (Number(fields[11]) + Number(fields[12])) / TICK, system: Number(fields[12]) / TICK };
  } catch {
    return null;
  }
}

/** CPU seconds of the given PostgreSQL backend pids (alive now), keyed by pid. */
function postgresCpu(pids) {
  const byPid = new Map();
  for (const pid of pids) {
    const cpu = procCpu(pid);
    if (cpu && cpu.comm.startsWith('postgres')) byPid.set(pid, cpu.seconds);
  }
  return byPid;
}

/**
 * Starts a CPU meter; `stop()` returns CPU seconds spent by the app pid (with its child processes, e.g. workers), by the PostgreSQL backends
 * `pgPids` (those serving the benchmark's database; shared WAL writer/checkpointer not counted; null
 * without PostgreSQL) and by this process, and the wall time.
 */
export function cpuMeter(appPid, pgPids = null) {
  const wall = performance.now();
  const appPids = treeOf(appPid);
  const appStart = treeCpu(appPids);
  const app = appStart?.seconds ?? 0;
  const appSystem = appStart?.system ?? 0;
  const pg = postgresCpu(pgPids ?? []);
  const self = process.cpuUsage();
  const load = loadavg()[0];
  return {
    stop() {
      const pgNow = postgresCpu(pgPids ?? []);
      let pgSeconds = 0;
      for (const [pid, seconds] of pgNow) pgSeconds += seconds - (pg.get(pid) ?? 0);
      const used = process.cpuUsage(self);
      const appNow = treeCpu(appPids);
      return {
        wallSeconds: (performance.now() - wall) / 1000,
        appSeconds: (appNow?.seconds ?? app) - app,
        appSystemSeconds: (appNow?.system ?? appSystem) - appSystem,
        postgresSeconds: pgPids === null ? null : pgSeconds,
        loadGeneratorSeconds: (used.user + used.system) / 1e6,
        loadAverage1mBefore: load,
      };
    },
  };
}

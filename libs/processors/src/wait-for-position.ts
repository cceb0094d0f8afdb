/**
 * The one "wait until the read side has reached position X" of every consistency token: a
 * processor of this process's host (woken as it moves), or a checkpoint another process keeps in
 * `processor_checkpoints` (polled, 2 ms doubling to 50 ms).
 */
import { comparePositions, type Position } from '../../event-store/src/event-store.port.js';
import type { SqlQueryable } from '../../sql/src/sql-client.port.js';
import { readCheckpoint } from './checkpoints.js';
import type { ProcessorHost } from './host.js';

/** Where a position is read: `current` may query; `subscribe`, when given, is called whenever it may have moved. */
export interface PositionSource {
  readonly current: () => Position | Promise<Position>;
  readonly subscribe?: (listener: () => void) => () => void;
}

/** A processor hosted in this process. */
export const hostedProcessor = (host: Pick<ProcessorHost, 'position' | 'onAdvance'>, name: string): PositionSource => ({
  current: () => host.position(name),
  subscribe: (listener) => host.onAdvance(name, listener),
});

/** A processor that may run in another process: its stored checkpoint. */
export const storedCheckpoint = (sql: SqlQueryable, name: string): PositionSource => ({ current: () => readCheckpoint(sql, name) });

const reached = (position: Position, target: Position): boolean => comparePositions(position, target) >= 0;

/** Resolves true once `source` is at or past `target`, false after `timeoutMs`. */
export async function waitForPosition(source: PositionSource, target: Position, timeoutMs: number): Promise<boolean> {
  if (reached(await source.current(), target)) return true;
  const deadline = Date.now() + timeoutMs;
  if (source.subscribe === undefined) {
    for (let delay = 2; ; delay = Math.min(delay * 2, 50)) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(delay, left)));
      if (reached(await source.current(), target)) return true;
    }
  }
  const subscribe = source.subscribe;
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const finish = (value: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      dispose();
      resolve(value);
    };
    const timer = setTimeout(() => finish(false), Math.max(0, deadline - Date.now()));
    const dispose = subscribe(() => {
      const now = source.current();
      if (typeof now === 'string') {
        if (reached(now, target)) finish(true);
      } else void now.then((p) => reached(p, target) && finish(true), () => undefined);
    });
    // It may have moved between the first read and the subscription.
    void Promise.resolve(source.current()).then((p) => reached(p, target) && finish(true), () => undefined);
  });
}

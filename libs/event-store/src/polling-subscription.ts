import type { Position, RecordedEvent, SubscribeOptions, Subscription } from './event-store.port.js';

export interface PollingOptions {
  /** Pause between reads once caught up (ms). */
  readonly pollIntervalMs: number;
  /** Registers a wake-up hint (e.g. LISTEN/NOTIFY); resolves to its disposer. Failures are ignored: polling still runs. */
  readonly onWake?: (wake: () => void) => Promise<() => Promise<void>>;
}

/** A read that failed (store down) is retried at most this far apart, so delivery resumes soon after the store returns. */
const MAX_BACKOFF_MS = 1_000;

/**
 * A catch-up subscription driven by `read(after, limit)`, which must return events in global order
 * and never an event that could still be preceded by a later commit (the adapter's job). Delivery is
 * one event at a time; a failing `onEvent` is retried from the last delivered position (at least once).
 */
export const pollingSubscription = (
  read: (after: Position, limit: number) => Promise<RecordedEvent[]>,
  options: SubscribeOptions,
  polling: PollingOptions,
): Subscription => {
  const batchSize = options.batchSize ?? 500;
  let position = options.after;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = finish;
    });
  const wake = (): void => wakeUp?.();
  const disposer = polling.onWake?.(wake).catch(() => undefined);

  const loop = async (): Promise<void> => {
    let failures = 0;
    let reportedCaughtUpAt: Position | undefined;
    while (!stopped) {
      try {
        const batch = await read(position, batchSize);
        for (const event of batch) {
          if (stopped) return;
          await options.onEvent(event);
          position = event.position;
        }
        failures = 0;
        if (batch.length < batchSize && !stopped) {
          if (reportedCaughtUpAt !== position) {
            reportedCaughtUpAt = position;
            options.onCaughtUp?.(position);
          }
          await sleep(polling.pollIntervalMs);
        }
      } catch (error: unknown) {
        failures += 1;
        options.onError?.(error);
        if (!stopped) await sleep(Math.min(polling.pollIntervalMs * 2 ** failures, MAX_BACKOFF_MS));
      }
    }
  };
  const done = loop();

  return {
    position: () => position,
    stop: async () => {
      stopped = true;
      wake();
      await done;
      const dispose = await disposer;
      await dispose?.().catch(() => undefined);
    },
  };
};

/** The work of `authz projections rebuild` (no Nest). */
import type { EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { decodePosition } from '../../../libs/event-store/src/position.js';
import type { ReadModelStore } from '../../../libs/read-models/src/postgres/read-model.store.js';
import { rebuildReadModels, type RebuildResult } from '../../../libs/read-models/src/postgres/rebuild.js';

/** The sequence part of a position, for the bar only; positions are opaque otherwise. */
const sequenceOf = (position: string): number | null => {
  try {
    const value = Number(decodePosition(position)[1]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};

/** Rebuilds and reports progress as (done, total) in sequence numbers when the positions have them, else in events. */
export const rebuildProjections = async (store: ReadModelStore, events: EventStore, onProgress?: (done: number, total: number) => void): Promise<RebuildResult> => {
  const total = sequenceOf(await events.headPosition());
  return rebuildReadModels(store, events, {
    onProgress: (p) => {
      const at = sequenceOf(p.position);
      onProgress?.(total !== null && at !== null ? at : p.applied, total ?? p.applied);
    },
  });
};

export const rebuildSummary = (result: RebuildResult): string => {
  const seconds = result.elapsedMs / 1000;
  return `rebuilt the read models from ${result.applied} events in ${seconds.toFixed(2)} s (${Math.round(result.applied / Math.max(seconds, 0.001))} events/s), checkpoint ${result.position}\n`;
};

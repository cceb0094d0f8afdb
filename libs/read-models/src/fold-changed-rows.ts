/**
 * The shared step of small keyed projections (scheduler due dates, cascade rows): load the rows the
 * events touch, fold the events over them in order, and return only the rows that changed.
 */
export async function foldChangedRows<E, R>(
  events: readonly E[],
  keyOf: (event: E) => string | undefined,
  load: (keys: readonly string[]) => Promise<ReadonlyMap<string, R>>,
  evolve: (row: R | null, event: E) => R | null,
): Promise<R[]> {
  const keys = [...new Set(events.map(keyOf).filter((key): key is string => key !== undefined))];
  if (keys.length === 0) return [];
  const before = await load(keys);
  const after = new Map(before);
  for (const event of events) {
    const key = keyOf(event);
    if (key === undefined) continue;
    const next = evolve(after.get(key) ?? null, event);
    if (next !== null) after.set(key, next);
  }
  return [...after.entries()].filter(([key, row]) => row !== before.get(key)).map(([, row]) => row);
}

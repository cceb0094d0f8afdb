/** What a supervision command answers: the new state (status and facts) and the consistency token. */
export type SupervisionAnswer = { readonly id: string; readonly status: string; readonly position: string } & Readonly<Record<string, unknown>>;

/** Flattens a folded state (`{status, escalation: {...}, resolvedBy, ...}`) into one answer object. */
export function answer(id: string, state: { readonly status: string } & object, position: string): SupervisionAnswer {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(state)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) Object.assign(flat, value);
    else flat[key] = value;
  }
  return { ...flat, id, status: state.status, position };
}

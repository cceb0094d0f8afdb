import type { AuditEntry } from '../../../../libs/read-models/src/index.js';

/** Whether the entry names an employee who reported a violation (SPEC §10: investigator and compliance only). */
const namesEmployeeReporter = (entry: AuditEntry): boolean => {
  if (entry.type !== 'ViolationReported') return false;
  const reporter = (entry.data as { reporter?: { kind?: unknown } } | null)?.reporter;
  return reporter?.kind === 'employee';
};

/**
 * The entry as an audit reader other than compliance sees it: for a report filed by an employee,
 * who filed it (reporter, `reportedBy`, the actor of the event) is left out; everything else stays.
 */
export function withoutEmployeeReporter(entry: AuditEntry): AuditEntry {
  if (!namesEmployeeReporter(entry)) return entry;
  const { reportedBy: _reportedBy, ...data } = entry.data as Record<string, unknown>;
  const { actor: _actor, ...metadata } = (entry.metadata ?? {}) as Record<string, unknown>;
  return { ...entry, actor: null, data: { ...data, reporter: { kind: 'employee' } }, metadata };
}

/**
 * Entries for a reader who may not see employee reporters. Filtered by actor, a hidden report would
 * still say by being there that its actor reported: such entries are left out of the page.
 */
export function hideEmployeeReporters(entries: readonly AuditEntry[], filteredByActor: boolean): AuditEntry[] {
  return entries.flatMap((entry) => (namesEmployeeReporter(entry) ? (filteredByActor ? [] : [withoutEmployeeReporter(entry)]) : [entry]));
}

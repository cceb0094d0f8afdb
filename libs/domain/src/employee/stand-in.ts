/** Stand-in (代理人) rules (SPEC §11): who may stand in for whom, and whether a period runs at an instant. */
import type { EmployeeSnapshot, StandInPeriod } from '../commands.js';
import { DomainError } from '../errors.js';
import type { Role } from '../ids.js';
import { parseInstant } from '../instant.js';

/** agent < supervisor < manager < executive; `tech_support` and `compliance` stand only for their own role. */
const RANK: Partial<Record<Role, number>> = { agent: 0, supervisor: 1, manager: 2, executive: 3 };

export function mayStandInFor(standIn: Role, absent: Role): boolean {
  const have = RANK[standIn];
  const need = RANK[absent];
  if (have === undefined || need === undefined) return standIn === absent;
  return have >= need;
}

/** A period runs from `from` (inclusive) until `until` (exclusive). */
export function runsAt(period: StandInPeriod, now: string): boolean {
  const at = parseInstant(now);
  const from = parseInstant(period.from);
  const until = parseInstant(period.until);
  return at !== null && from !== null && until !== null && from <= at && at < until;
}

/** Whether `absent` has named `standInId` for a period running at `now`. */
export const standsInFor = (standInId: string, absent: EmployeeSnapshot, now: string): boolean =>
  !absent.left && (absent.standIns ?? []).some((period) => period.standInId === standInId && runsAt(period, now));

/** Checks a new period: a valid span not already over, not overlapping the same stand-in's other periods. */
export function validatePeriod(period: StandInPeriod, existing: readonly StandInPeriod[], now: string): void {
  const from = parseInstant(period.from);
  const until = parseInstant(period.until);
  const at = parseInstant(now) ?? 0;
  if (from === null || until === null) throw new DomainError('STAND_IN_PERIOD_INVALID', 'from and until are ISO-8601 instants', { period: 'invalid' });
  if (until <= from) throw new DomainError('STAND_IN_PERIOD_INVALID', 'until must be after from', { until: 'not after from' });
  if (until <= at) throw new DomainError('STAND_IN_PERIOD_INVALID', 'the period is already over', { until: 'in the past' });
  const overlaps = existing.some(
    (other) => other.standInId === period.standInId && (parseInstant(other.from) ?? 0) < until && from < (parseInstant(other.until) ?? 0),
  );
  if (overlaps) throw new DomainError('STAND_IN_PERIOD_INVALID', `${period.standInId} already stands in during part of this period`, { period: 'overlaps' });
}

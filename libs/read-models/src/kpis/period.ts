/** KPI periods (SPEC §10): calendar months `YYYY-MM` and quarters `YYYY-Qn`, in UTC. */

export interface Period {
  /** As given: `2026-11` or `2026-Q4`. */
  readonly name: string;
  readonly kind: 'month' | 'quarter';
  /** Inclusive start, epoch milliseconds (UTC). */
  readonly from: number;
  /** Exclusive end, epoch milliseconds (UTC). */
  readonly to: number;
}

export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
  readonly code = 'INVALID_PERIOD';
  constructor(value: string) {
    super(`period must be YYYY-MM or YYYY-Qn (1..4) of the years ${FIRST_YEAR}..${LAST_YEAR}, got ${JSON.stringify(value)}`);
  }
}

/** Periods end by the last instant an ISO-8601 four-digit year can name, and start at the epoch. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 9998;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

const inRange = (year: string | undefined): boolean => Number(year) >= FIRST_YEAR && Number(year) <= LAST_YEAR;

export const parsePeriod = (value: string): Period => {
  const month = MONTH.exec(value);
  if (month && inRange(month[1])) {
    const year = Number(month[1]);
    const index = Number(month[2]) - 1;
    return { name: value, kind: 'month', from: Date.UTC(year, index, 1), to: Date.UTC(year, index + 1, 1) };
  }
  const quarter = QUARTER.exec(value);
  if (quarter && inRange(quarter[1])) {
    const year = Number(quarter[1]);
    const first = (Number(quarter[2]) - 1) * 3;
    return { name: value, kind: 'quarter', from: Date.UTC(year, first, 1), to: Date.UTC(year, first + 3, 1) };
  }
  throw new InvalidPeriodError(value);
};

export const isPeriod = (value: string): boolean => inRange((MONTH.exec(value) ?? QUARTER.exec(value))?.[1]);

/** Whether period `inner` lies within `outer` (a month within its quarter, or the same period). */
export const periodWithin = (inner: string, outer: Period): boolean => {
  if (!isPeriod(inner)) return false;
  const p = parsePeriod(inner);
  return p.from >= outer.from && p.to <= outer.to;
};

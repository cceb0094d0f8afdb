/** Assessment and KPI periods (SPEC §10): calendar months `YYYY-MM` and quarters `YYYY-Qn`, in UTC. */
const PERIOD = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export const isPeriod = (value: unknown): value is string => typeof value === 'string' && PERIOD.test(value);

/** The half-open UTC interval `[from, to)` of a period, as ISO instants; `null` when not a period. */
export function periodBounds(period: string): { readonly from: string; readonly to: string } | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const firstMonth = match[2] !== undefined ? Number(match[2]) - 1 : (Number(match[3]) - 1) * 3;
  const months = match[2] !== undefined ? 1 : 3;
  return {
    from: new Date(Date.UTC(year, firstMonth, 1)).toISOString(),
    to: new Date(Date.UTC(year, firstMonth + months, 1)).toISOString(),
  };
}

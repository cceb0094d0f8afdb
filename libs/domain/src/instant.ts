/**
 * The one reading of an ISO-8601 instant (`2026-12-01T09:00:00Z`, `2026-12-01T17:00+08:00`): a date,
 * a time and an explicit offset. Strict where `Date.parse` is lenient: no roll-over (`2027-02-30` is
 * not 2 March), no leap second, no hour 24, no offset beyond ±14:00, no year beyond 9999 once the offset is applied.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** The widest offset of any zone in use (UTC+14:00, Kiribati); wider ones are typos, and PostgreSQL refuses beyond ±15:59. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** The latest instant an ISO-8601 string of four-digit years can name. */
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number): number => (month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** Milliseconds since the epoch, or `null` when `value` is not such an instant. */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((group) => Number(match[group]));
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return null;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (match[8] === undefined) {
    const offsetHours = Number(match[10]);
    const offsetRest = Number(match[11]);
    if (offsetHours * 60 + offsetRest > MAX_OFFSET_MINUTES || offsetRest > 59) return null;
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const millis = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, '0'));
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millis);
  const ms = utc.getTime() - offsetMinutes * 60_000;
  return ms <= MAX_INSTANT_MS ? ms : null;
}

/** Whether `value` is an instant `parseInstant` accepts. */
export const isInstant = (value: unknown): value is string => parseInstant(value) !== null;

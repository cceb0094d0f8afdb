import fc from 'fast-check';
import { MAX_INSTANT_MS, parseInstant } from './instant.js';

describe('parseInstant', () => {
  it.each([
    ['2026-12-01T09:00:00Z', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T09:00Z', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T17:00:00+08:00', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T04:30:00-04:30', Date.UTC(2026, 11, 1, 9)],
    ['2026-12-01T09:00:00.123456789Z', Date.UTC(2026, 11, 1, 9, 0, 0, 123)],
    ['2028-02-29T00:00:00Z', Date.UTC(2028, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['0099-01-01T00:00:00Z', Date.parse('0099-01-01T00:00:00Z')],
    ['9999-12-31T23:59:59.999Z', MAX_INSTANT_MS],
    ['2026-12-01T23:00:00+14:00', Date.UTC(2026, 11, 1, 9)],
  ])('reads %s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it.each([
    ['2027-02-30T00:00:00Z', 'no roll-over into March'],
    ['2027-02-29T00:00:00Z', 'not a leap year'],
    ['1900-02-29T00:00:00Z', 'centuries are not leap years'],
    ['2026-99-99T00:00:00Z', 'month and day out of range'],
    ['2026-04-31T00:00:00Z', 'April has 30 days'],
    ['2026-12-01T24:00:00Z', 'hour 24'],
    ['2026-12-01T23:60:00Z', 'minute 60'],
    ['2016-12-31T23:59:60Z', 'leap second'],
    ['2026-12-01T09:00:00+24:00', 'offset hour'],
    ['0728-08-20T20:00:13.0+20:41', 'an offset no zone has'],
    ['2026-12-01T09:00:00-14:01', 'beyond UTC-14:00'],
    ['2026-12-01T09:00:00', 'no offset'],
    ['2026-12-01', 'a date alone'],
    ['9999-12-31T23:59:59-01:00', 'beyond year 9999 once the offset applies'],
    ['0000-01-01T00:00:00Z', 'year zero'],
    [' 2026-12-01T09:00:00Z', 'surrounding space'],
    ['+002026-12-01T09:00:00Z', 'expanded years'],
  ])('refuses %s (%s)', (text) => {
    expect(parseInstant(text)).toBeNull();
  });

  it('refuses what is not a string', () => {
    for (const value of [undefined, null, 0, Date.now(), {}, []]) expect(parseInstant(value)).toBeNull();
  });

  it('reads back every instant that Date writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date(MAX_INSTANT_MS), noInvalidDate: true }), (date) => {
        expect(parseInstant(date.toISOString())).toBe(date.getTime());
      }),
    );
  });

  it('agrees with Date.parse wherever Date.parse does not roll over', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T12:00:00Z`;
        const loose = Date.parse(text);
        const rolledOver = new Date(loose).getUTCDate() !== day;
        expect(parseInstant(text)).toBe(rolledOver ? null : loose);
      }),
    );
  });
});

import fc from 'fast-check';
import { START, comparePositions } from './event-store.port.js';
import { decodePosition, encodePosition, isPosition } from './position.js';

describe('positions', () => {
  const pair = fc.tuple(fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }));

  it('order as strings exactly as the (major, minor) pairs they encode, after START', () => {
    fc.assert(
      fc.property(pair, pair, ([a1, a2], [b1, b2]) => {
        const expected = a1 !== b1 ? (a1 < b1 ? -1 : 1) : a2 !== b2 ? (a2 < b2 ? -1 : 1) : 0;
        expect(comparePositions(encodePosition(a1, a2), encodePosition(b1, b2))).toBe(expected);
        expect(comparePositions(START, encodePosition(a1, a2))).toBe(-1);
      }),
    );
  });

  it('decode what they encode', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(decodePosition(encodePosition(a, b))).toEqual([String(a), String(b)]);
      }),
    );
    expect(decodePosition(START)).toEqual(['0', '0']);
  });

  it('reject anything else', () => {
    expect(isPosition('12.34')).toBe(false);
    expect(() => decodePosition('12.34')).toThrow(RangeError);
    expect(() => decodePosition("1'; DROP TABLE events; --")).toThrow(RangeError);
  });
});

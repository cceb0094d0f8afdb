import { START, type Position } from './event-store.port.js';

const WIDTH = 20;
const FORMAT = /^(\d{20})\.(\d{20})$/;

/**
 * Encodes a pair of unsigned integers (PostgreSQL: transaction id, global position; EventStoreDB:
 * commit, prepare) as a fixed-width string so that positions order with string comparison.
 */
export const encodePosition = (major: bigint | string | number, minor: bigint | string | number): Position =>
  `${String(major).padStart(WIDTH, '0')}.${String(minor).padStart(WIDTH, '0')}`;

/** The inverse of `encodePosition`; `START` decodes to `['0', '0']`. Throws on anything else. */
export const decodePosition = (position: Position): readonly [major: string, minor: string] => {
  if (position === START) return ['0', '0'];
  const match = FORMAT.exec(position);
  if (!match?.[1] || !match[2]) throw new RangeError(`not an event store position: ${position}`);
  return [match[1].replace(/^0+(?=\d)/, ''), match[2].replace(/^0+(?=\d)/, '')];
};

/** Whether `position` is START or an encoded position. */
export const isPosition = (position: string): position is Position => position === START || FORMAT.test(position);

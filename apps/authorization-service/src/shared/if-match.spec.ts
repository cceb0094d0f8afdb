import { InvalidRequestError } from './application-errors.js';
import { parseIfMatch, satisfies, versionTag } from './if-match.js';

describe('If-Match on the commands of an authorization', () => {
  it('reads *, one tag or a list, strong tags only', () => {
    expect(parseIfMatch('*')).toBe('*');
    expect(parseIfMatch(versionTag(3))).toEqual([3]);
    expect(parseIfMatch('"1", W/"2" ,"7"')).toEqual([1, 7]);
    // Tags that are no version of ours are well-formed and match nothing.
    expect(parseIfMatch('"abc", "01", "-1"')).toEqual([]);
    // An entity-tag may hold a comma (RFC 9110 etagc); the list is split between tags, not inside one.
    expect(parseIfMatch('"a,b" ,\tW/"x,3", "3"')).toEqual([3]);
  });

  it('takes a bare version as its tag, as a person at a terminal types it', () => {
    expect(parseIfMatch('3')).toEqual([3]);
    expect(parseIfMatch(' 0 ')).toEqual([0]);
  });

  it('matches the version read, or any under *', () => {
    expect(satisfies(parseIfMatch('"4"'), 4)).toBe(true);
    expect(satisfies(parseIfMatch('"4"'), 5)).toBe(false);
    expect(satisfies(parseIfMatch('W/"5"'), 5)).toBe(false);
    expect(satisfies('*', 12)).toBe(true);
  });

  it('refuses a malformed header as a 400 naming it', () => {
    for (const header of ['', '03', '3a', '"3', 'W/3', '"a"b"', '"3",,', `"${'1'.repeat(1030)}"`, '"\u0001"']) {
      const error = (() => {
        try {
          parseIfMatch(header);
          return null;
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).extensions).toEqual({ errors: { 'If-Match': ['invalid format'] } });
    }
  });
});

import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../../../../../libs/domain/src/testing/default-catalogue.js';
import { loadConfig } from '../../../../../libs/platform/src/index.js';
import { AuthorDigest } from './author-digest.js';

const SECRET = 'a-token-secret-that-is-at-least-thirty-two-chars';
const KEY = 'a-suggestion-digest-key-of-its-own-0123456789';
const digest = (key: string, suggestionId: string, employeeId: string): string => createHmac('sha256', key).update(`suggestion-author\n${suggestionId}\n${employeeId}`).digest('base64url');

describe('AuthorDigest', () => {
  describe('when SUGGESTION_DIGEST_KEY is set beside a token secret', () => {
    const authors = new AuthorDigest(loadConfig({ EVENT_STORE_URL: 'postgres://h/db', AUTH_JWT_SECRET: SECRET, SUGGESTION_DIGEST_KEY: KEY }), catalogue);

    it('digests a new suggestion by the key of its own, not by the token secret', () => {
      expect(authors.of('SG1', 'E101')).toBe(digest(KEY, 'SG1', 'E101'));
      expect(authors.of('SG1', 'E101')).not.toBe(digest(SECRET, 'SG1', 'E101'));
    });

    it('still names the author of a suggestion digested by the token secret before the key existed, and nobody else', () => {
      expect(authors.names(digest(SECRET, 'SG1', 'E101'), 'SG1', 'E101')).toBe(true);
      expect(authors.names(digest(KEY, 'SG1', 'E101'), 'SG1', 'E101')).toBe(true);
      expect(authors.names(digest(SECRET, 'SG1', 'E101'), 'SG1', 'E102')).toBe(false);
      expect(authors.names(digest(SECRET, 'SG1', 'E101'), 'SG2', 'E101')).toBe(false);
      expect(authors.candidates('SG1', 'E101')).toEqual([digest(KEY, 'SG1', 'E101'), digest(SECRET, 'SG1', 'E101')]);
    });
  });

  it('names the author of a suggestion an embedded store without a token secret digested by the catalogue version, while new ones take the generated key', () => {
    const config = loadConfig({ EVENT_STORE_URL: `pglite://${join(mkdtempSync(join(tmpdir(), 'author-digest-')), 'events')}` });
    const authors = new AuthorDigest(config, catalogue);
    const former = digest(`unkeyed:${catalogue.version}`, 'SG1', 'E101');
    expect(authors.of('SG1', 'E101')).not.toBe(former);
    expect(authors.names(former, 'SG1', 'E101')).toBe(true);
    expect(authors.names(former, 'SG1', 'E102')).toBe(false);
  });
});

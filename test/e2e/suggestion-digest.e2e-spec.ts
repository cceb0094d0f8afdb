/**
 * The anonymous suggestion's author digest (SPEC §11) is keyed by a secret of its own
 * (SUGGESTION_DIGEST_KEY), not by the token secret nor anything the audit trail shows: its author
 * reads the suggestion back as theirs, nobody else does, and nobody can recompute the digest without
 * the key. On the embedded store (PGlite) and on PostgreSQL.
 */
import { createHmac } from 'node:crypto';
import { act, get, seedDirectory } from '../support/call-center.js';
import { freshDatabase, HOOK_TIMEOUT_MS, startTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';

const KEY = 'a-suggestion-digest-key-of-its-own-0123456789';
const digest = (key: string, suggestionId: string, employeeId: string): string => createHmac('sha256', key).update(`suggestion-author\n${suggestionId}\n${employeeId}`).digest('base64url');

describe.each([
  ['PGlite', async (): Promise<Record<string, string>> => ({})],
  ['PostgreSQL', async (): Promise<Record<string, string>> => ({ EVENT_STORE_URL: await freshDatabase('e2e_suggestion_digest') })],
])('the suggestion digest key (%s)', (_store, env) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ...(await env()), SUGGESTION_DIGEST_KEY: KEY });
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  it('keys the author digest by SUGGESTION_DIGEST_KEY: the author reads it back, the trail names nobody', async () => {
    const submitted = await act(t, 'E201', '/v1/suggestions', { text: 'Let agents waive fees up to 50 CNY', anonymous: true });
    expect(submitted.status).toBe(201);
    expect(submitted.body.authorDigest).toBeUndefined();
    const id = submitted.body.id as string;
    const at = { 'x-consistency-token': submitted.body.position as string };

    const trail = await get(t, 'C01', '/v1/audit?type=SuggestionSubmitted', at);
    const entry = (trail.body.items as { data: Record<string, unknown> }[]).find((e) => e.data['suggestionId'] === id);
    expect(entry?.data['submittedBy'] ?? null).toBeNull();
    const stored = entry?.data['authorDigest'];
    expect(stored).toBe(digest(KEY, id, 'E201'));
    // Neither the token secret nor the catalogue version (the old fallback) reproduces it.
    expect(stored).not.toBe(digest(TEST_SECRET, id, 'E201'));
    const catalogue = await get(t, 'E201', '/v1/catalogue');
    expect(stored).not.toBe(digest(`unkeyed:${String(catalogue.body.version)}`, id, 'E201'));

    expect((await get(t, 'E201', `/v1/suggestions/${id}`, at)).body).toMatchObject({ id, anonymous: true, submittedBy: null, yours: true });
    expect((await get(t, 'E101', `/v1/suggestions/${id}`, at)).status).toBe(403);
    expect((await get(t, 'M01', `/v1/suggestions/${id}`, at)).body).toMatchObject({ id, submittedBy: null, yours: false });
  });
});

describe('an anonymous suggestion digested before SUGGESTION_DIGEST_KEY was set (PostgreSQL)', () => {
  it('is still its author’s to read back once the key is set, and nobody else’s', async () => {
    const url = await freshDatabase('e2e_suggestion_digest_upgrade');
    // Before the key existed the digest was keyed by AUTH_JWT_SECRET itself: a key equal to it writes what that code wrote.
    const before = await startTestApp({ EVENT_STORE_URL: url, SUGGESTION_DIGEST_KEY: TEST_SECRET });
    let id: string;
    let at: Record<string, string>;
    try {
      await seedDirectory(before);
      const submitted = await act(before, 'E201', '/v1/suggestions', { text: 'Shorter hold music', anonymous: true });
      expect(submitted.status).toBe(201);
      id = submitted.body.id as string;
      at = { 'x-consistency-token': submitted.body.position as string };
    } finally {
      await before.close();
    }

    const after = await startTestApp({ EVENT_STORE_URL: url, SUGGESTION_DIGEST_KEY: KEY });
    try {
      const trail = await get(after, 'C01', '/v1/audit?type=SuggestionSubmitted', at);
      expect((trail.body.items as { data: Record<string, unknown> }[]).find((e) => e.data['suggestionId'] === id)?.data['authorDigest']).toBe(digest(TEST_SECRET, id, 'E201'));
      expect((await get(after, 'E201', `/v1/suggestions/${id}`)).body).toMatchObject({ id, submittedBy: null, yours: true });
      expect(((await get(after, 'E201', '/v1/suggestions')).body.items as { id: string }[]).map((s) => s.id)).toContain(id);
      expect((await get(after, 'E101', `/v1/suggestions/${id}`)).status).toBe(403);
      expect(((await get(after, 'E101', '/v1/suggestions')).body.items as { id: string }[]).map((s) => s.id)).not.toContain(id);
    } finally {
      await after.close();
    }
  }, 4 * HOOK_TIMEOUT_MS);
});

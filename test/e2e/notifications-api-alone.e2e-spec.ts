/**
 * An API replica that hosts no notifications worker (SPEC §12: the notifier may run elsewhere) still
 * answers a person's notifications on a fresh store: it creates what it reads (Schemathesis found a
 * 500 here on the first request).
 */
import { get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('notifications read by an API without the notifications worker (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t?.close());

  it('answers the first request for a list, in the asked language, with an empty page', async () => {
    const first = await get(t, 'E101', '/v1/notifications?unread=true&limit=1', { 'accept-language': 'en' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ items: [], nextCursor: null });
  });
});

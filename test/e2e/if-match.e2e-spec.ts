/**
 * Stale views never act (SPEC §5, issue 15): an authorization's view carries its `version` (and the
 * detail its ETag); a command sent with `If-Match` acts only while the authorization is still at
 * that version, else 409 CONCURRENCY_CONFLICT as problem+json with nothing written. Without the
 * header a command acts on the current state, as before. An application creates the authorization,
 * which has no version to match: If-Match there is refused (400 naming it), not ignored.
 */
import { act, application, get, seedDirectory } from '../support/call-center.js';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('If-Match on the commands of an authorization (embedded PGlite)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDirectory(t);
  }, HOOK_TIMEOUT_MS);
  afterAll(() => t.close(), HOOK_TIMEOUT_MS);

  const applied = async (): Promise<string> => {
    const res = await act(t, 'E101', '/v1/applications', application());
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const detail = (id: string) => get(t, 'M01', `/v1/authorizations/${id}`);

  it('shows the version in every view and as the detail’s ETag; a command on the version read acts and answers the next one', async () => {
    const id = await applied();
    const read = await detail(id);
    expect(read.status).toBe(200);
    expect(read.body.version).toBe(read.body.history.at(-1).revision);
    expect(read.headers['etag']).toBe(`"${read.body.version}"`);

    const reviewed = await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' }, { 'if-match': read.headers['etag'] as string });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body).toMatchObject({ status: 'pending_approval', version: read.body.version + 1 });
    const after = await detail(id);
    expect(after.headers['etag']).toBe(`"${reviewed.body.version}"`);
    // A list of tags matches any of them; `*` matches whatever the version.
    const approved = await act(t, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' }, { 'if-match': `"0", "${after.body.version}"` });
    expect([approved.status, approved.body.status]).toEqual([200, 'pending_notice']);
    const noticed = await act(t, 'M02', `/v1/authorizations/${id}/notice`, {}, { 'if-match': '*' });
    expect([noticed.status, noticed.body.status]).toEqual([200, 'pending_acknowledgement']);
  });

  it('refuses a command on a version that is no longer current with 409 CONCURRENCY_CONFLICT, in the caller’s language, writing nothing', async () => {
    const id = await applied();
    const seen = (await detail(id)).headers['etag'] as string;
    // Someone else acts first: the version the approver saw is gone.
    expect((await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' })).status).toBe(200);
    const current = await detail(id);

    const stale = await act(t, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' }, { 'if-match': seen, 'accept-language': 'zh-Hant' });
    expect(stale.status).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body).toMatchObject({ status: 409, code: 'CONCURRENCY_CONFLICT' });
    expect(stale.body.detail).toMatch(/[\u4e00-\u9fff]/);
    // A weak tag never matches (If-Match compares strongly).
    const weak = await act(t, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' }, { 'if-match': `W/${current.headers['etag'] as string}` });
    expect([weak.status, weak.body.code]).toEqual([409, 'CONCURRENCY_CONFLICT']);

    const unchanged = await detail(id);
    expect(unchanged.body.version).toBe(current.body.version);
    expect(unchanged.body.status).toBe('pending_approval');
    // Read again, the same decision acts.
    const fresh = await act(t, 'M01', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' }, { 'if-match': unchanged.headers['etag'] as string });
    expect([fresh.status, fresh.body.status]).toEqual([200, 'pending_notice']);
  });

  it('guards the grantee’s change and acknowledgement and a revocation the same way', async () => {
    const id = await applied();
    for (const [who, step, body] of [
      ['S01', 'review', { decision: 'pass', opinion: 'ok' }],
      ['M01', 'approval', { decision: 'approve', opinion: '' }],
      ['M02', 'notice', {}],
    ] as const) {
      expect((await act(t, who, `/v1/authorizations/${id}/${step}`, body)).status).toBe(200);
    }
    const noticed = (await detail(id)).body.version as number;
    expect((await act(t, 'E101', `/v1/authorizations/${id}/acknowledgement`, {}, { 'if-match': `"${noticed - 1}"` })).status).toBe(409);
    const acknowledged = await act(t, 'E101', `/v1/authorizations/${id}/acknowledgement`, {}, { 'if-match': `"${noticed}"` });
    expect([acknowledged.status, acknowledged.body.status]).toEqual([200, 'active']);
    const change = { scope: { maxAmount: 500, channels: ['phone'] }, reason: 'Lower limit' };
    expect((await act(t, 'E101', `/v1/authorizations/${id}/changes`, change, { 'if-match': `"${noticed}"` })).body.code).toBe('CONCURRENCY_CONFLICT');
    const changed = await act(t, 'E101', `/v1/authorizations/${id}/changes`, change, { 'if-match': `"${acknowledged.body.version as number}"` });
    expect(changed.status).toBe(200);
    const revokeStale = await act(t, 'S01', `/v1/authorizations/${id}/revocation`, { reason: 'No longer needed' }, { 'if-match': `"${acknowledged.body.version as number}"` });
    expect([revokeStale.status, revokeStale.body.code]).toEqual([409, 'CONCURRENCY_CONFLICT']);
    expect((await detail(id)).body.status).toBe('active');
  });

  it('tells one who may not act their refusal, not whether the version moved; a malformed If-Match is 400 naming the header', async () => {
    const id = await applied();
    // E102 is not E101's superior: 403 whatever the version.
    const outsider = await act(t, 'E102', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' }, { 'if-match': '"99"' });
    expect([outsider.status, outsider.body.code]).toEqual([403, 'NOT_REVIEWER']);
    for (const header of ['03', '"3', 'W/3', '"a"b"', '"3",,']) {
      const res = await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' }, { 'if-match': header });
      expect([header, res.status, res.body.code, Object.keys(res.body.errors ?? {})]).toEqual([header, 400, 'VALIDATION_FAILED', ['If-Match']]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await detail(id)).body).toMatchObject({ status: 'pending_review', version: 0 });
  });

  it('answers a retry of a command that acted (same Idempotency-Key) as the first time, though the version moved', async () => {
    const id = await applied();
    const headers = { 'if-match': '"0"', 'idempotency-key': `retry-${id}` };
    const first = await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' }, headers);
    expect(first.status).toBe(200);
    const retry = await act(t, 'S01', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: 'ok' }, headers);
    expect([retry.status, retry.body.version]).toEqual([200, first.body.version]);
  });

  it('refuses If-Match on an application (the new authorization has no version yet) with 400 naming it, writing nothing', async () => {
    const reason = 'Sent with an If-Match that cannot hold';
    for (const [i, header] of ['*', '"0"', '"3"', '0', 'W/"0"'].entries()) {
      const res = await act(t, 'E101', '/v1/applications', application({ reason }), { 'if-match': header, 'idempotency-key': `if-match-apply-${i}` });
      expect([header, res.status, res.body.code, Object.keys(res.body.errors ?? {})]).toEqual([header, 400, 'VALIDATION_FAILED', ['If-Match']]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // The same application without the header (and the same Idempotency-Key as a refused one) is made, as a first try.
    const made = await act(t, 'E101', '/v1/applications', application({ reason }), { 'idempotency-key': 'if-match-apply-0' });
    expect([made.status, made.body.status, made.body.version]).toEqual([201, 'pending_review', 0]);
    // Read as of that write: the one made is there, none of the refused ones.
    const mine = await get(t, 'E101', '/v1/authorizations?employeeId=E101&limit=100', { 'x-consistency-token': String(made.body.position) });
    expect(mine.status).toBe(200);
    expect((mine.body.items as { id: string; reason: string }[]).filter((item) => item.reason === reason).map((item) => item.id)).toEqual([made.body.id]);
  });

  it('documents If-Match on every command of an authorization, the version in its answers and the detail’s ETag', async () => {
    const doc = (await t.http.get('/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: { required?: string[] } }> }> }>> };
    for (const step of ['review', 'approval', 'final-approval', 'notice', 'acknowledgement', 'changes', 'revocation', 'completion', 'withdrawal']) {
      const operation = doc.paths[`/v1/authorizations/{id}/${step}`]?.['post'];
      expect([step, operation?.parameters?.some((p) => p.name === 'If-Match' && p.in === 'header')]).toEqual([step, true]);
      expect(operation?.responses['200']?.content?.['application/json']?.schema.required).toContain('version');
    }
    // An application is no command on a version: no If-Match parameter, its refusal said in the description and answered 400.
    const apply = doc.paths['/v1/applications']?.['post'] as { parameters?: { name: string }[]; description?: string; responses: Record<string, unknown> };
    expect(apply.parameters?.some((p) => p.name === 'If-Match')).toBe(false);
    expect(apply.description).toMatch(/If-Match .*refused with 400 VALIDATION_FAILED/);
    expect(Object.keys(apply.responses)).toContain('400');
    expect(Object.keys(doc.paths['/v1/authorizations/{id}']?.['get']?.responses['200']?.headers ?? {})).toEqual(['ETag']);
  });
});

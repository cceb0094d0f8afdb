/**
 * How the API serves the built console (SPEC §13): hashed assets by path, cached for good; every
 * console route as index.html; the API's own paths never. A hashed asset that is not there — a page
 * loaded before a new build asking for its old chunk — is the API's 404, not index.html dressed as a
 * script (which the browser reports as a MIME-type error on a page that then half works).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from '../support/test-app.js';

describe('the console files the API serves', () => {
  let t: TestApp;
  let root = '';
  const before = process.env['CONSOLE_DIR'];
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'console-files-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'export const here = 1;');
    process.env['CONSOLE_DIR'] = root;
    t = await startTestApp({}, { projector: false });
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (before === undefined) delete process.env['CONSOLE_DIR'];
    else process.env['CONSOLE_DIR'] = before;
    await t?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves a hashed asset as JavaScript, cached for good', async () => {
    const answer = await t.http.get('/assets/index-abc123.js');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.text).toBe('export const here = 1;');
  });

  it('answers a console route with index.html, never cached, under the console CSP', async () => {
    const answer = await t.http.get('/worklist');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.text).toContain('<title>console</title>');
  });

  it('answers a missing hashed asset with the API’s 404 problem, not the index page', async () => {
    const answer = await t.http.get('/assets/WorklistPage-gone000.js').set('accept-language', 'en');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('leaves the API’s own paths to the API', async () => {
    const answer = await t.http.get('/v1/no-such-thing');
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

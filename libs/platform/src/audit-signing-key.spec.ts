import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditSigningKeyFile, ensureAuditSigningKey } from './audit-signing-key.js';
import { loadConfig } from './load-config.js';
import { EXIT_CONFIG, startFailure } from './start-failure.js';

const ed25519 = (): string => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const PG = { EVENT_STORE_URL: 'postgres://u:p@localhost:5432/db', AUTH_JWT_SECRET: 'x'.repeat(32) };

describe('AUDIT_SIGNING_KEY', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'authz-key-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes PEM text or a file holding it', () => {
    const pem = ed25519();
    expect(loadConfig({ ...PG, AUDIT_SIGNING_KEY: pem }).audit.signingKeyPem).toBe(pem.trim());
    const file = join(dir, 'key.pem');
    writeFileSync(file, pem);
    expect(loadConfig({ ...PG, AUDIT_SIGNING_KEY: file }).audit).toEqual({ signingKeyPem: pem, anchorEvery: 1000, anchorMinutes: 10 });
  });

  it.each([
    ['an RSA key', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), /is a rsa key; anchors are signed with Ed25519/],
    ['a public key', () => generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString(), /is not a PEM private key/],
    ['a missing file', () => '/nonexistent/audit.pem', /cannot read the key file \/nonexistent\/audit.pem \(ENOENT\)/],
  ])('stops start-up with one line naming the variable for %s', (_name, value, detail) => {
    let thrown: unknown;
    try {
      loadConfig({ ...PG, AUDIT_SIGNING_KEY: value() });
    } catch (error: unknown) {
      thrown = error;
    }
    const { line, exitCode } = startFailure('authz', thrown);
    expect(exitCode).toBe(EXIT_CONFIG);
    expect(line).toMatch(/^configuration error: AUDIT_SIGNING_KEY: /);
    expect(line).toMatch(detail);
    expect(line).not.toContain('\n');
  });

  it('checks the anchor cadence', () => {
    expect(() => loadConfig({ ...PG, AUDIT_ANCHOR_EVERY: '0' })).toThrow(/AUDIT_ANCHOR_EVERY/);
    expect(loadConfig({ ...PG, AUDIT_ANCHOR_MINUTES: '2', AUDIT_ANCHOR_EVERY: '50' }).audit).toMatchObject({ anchorEvery: 50, anchorMinutes: 2 });
  });

  it('is generated once beside the embedded store and kept; other stores without one get none', () => {
    const url = `pglite://${join(dir, 'data', 'events')}`;
    const embedded = loadConfig({ EVENT_STORE_URL: url });
    const first = ensureAuditSigningKey(embedded);
    expect(first).toEqual({ pem: expect.stringContaining('-----BEGIN PRIVATE KEY-----'), generatedFile: join(dir, 'data', 'audit-signing-key.pem') });
    expect(auditSigningKeyFile(url)).toBe(first?.generatedFile);
    expect(readFileSync(join(dir, 'data', 'audit-signing-key.pem'), 'utf8')).toBe(first?.pem);
    expect(ensureAuditSigningKey(embedded)).toEqual(first);
    expect(ensureAuditSigningKey(loadConfig(PG))).toBeNull();
    const configured = ed25519();
    expect(ensureAuditSigningKey(loadConfig({ ...PG, AUDIT_SIGNING_KEY: configured }))).toEqual({ pem: configured.trim(), generatedFile: null });
    expect(existsSync(join(dir, 'audit-signing-key.pem'))).toBe(false);
  });
});

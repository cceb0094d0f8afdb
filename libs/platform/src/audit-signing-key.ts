/**
 * The key that signs audit anchors (SPEC §12): `AUDIT_SIGNING_KEY` is PKCS#8 PEM text, or the path
 * of a file holding it when it does not start with `-----BEGIN`. Anything but a readable Ed25519
 * private key stops start-up with one line naming the variable. The embedded default generates one
 * beside its store (as `dev-jwt-secret`) and keeps it; other stores without a key sign nothing.
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from './config.js';

const VARIABLE = 'AUDIT_SIGNING_KEY';

/** The PEM of `raw` (PEM text or a file path), checked to be an Ed25519 private key. */
export function readAuditSigningKey(raw: string): string {
  let pem = raw;
  if (!raw.startsWith('-----BEGIN')) {
    try {
      pem = readFileSync(raw, 'utf8');
    } catch (error: unknown) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : 'unreadable';
      throw new ConfigError(VARIABLE, `cannot read the key file ${raw} (${code})`);
    }
  }
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch {
    throw new ConfigError(VARIABLE, 'is not a PEM private key (expected PKCS#8 "-----BEGIN PRIVATE KEY-----")');
  }
  if (type !== 'ed25519') throw new ConfigError(VARIABLE, `is a${type === undefined ? 'n unknown' : ` ${type}`} key; anchors are signed with Ed25519`);
  return pem;
}

/** Where the embedded default keeps its generated key: beside the PGlite data directory. */
export function auditSigningKeyFile(eventStoreUrl: string): string {
  const dir = eventStoreUrl.replace(/^pglite:\/\//, '');
  return resolve(dirname(resolve(dir === 'memory' ? './data/events' : dir)), 'audit-signing-key.pem');
}

export interface AuditSigningKeySource {
  readonly pem: string;
  /** The file the embedded default generated (or found), null when AUDIT_SIGNING_KEY set it. */
  readonly generatedFile: string | null;
}

/**
 * The configured key; on the embedded default without one, the kept (or, the first time, a newly
 * generated) key beside the store; else null (no anchors are written).
 */
export function ensureAuditSigningKey(config: { readonly embedded: boolean; readonly eventStoreUrl: string; readonly audit: { readonly signingKeyPem: string | null } }): AuditSigningKeySource | null {
  if (config.audit.signingKeyPem !== null) return { pem: config.audit.signingKeyPem, generatedFile: null };
  if (!config.embedded) return null;
  const file = auditSigningKeyFile(config.eventStoreUrl);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  }
  return { pem: readAuditSigningKey(file), generatedFile: file };
}

/**
 * The work of `authz audit verify FILE [--anchors FILE] [--public-key FILE]` (no Nest): exit 0 with a
 * summary when intact, else `line N: reason` for the first finding and exit 1; 2 for a usage error
 * (a file that cannot be read, anchors without a key, a key or anchors that do not parse).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { verifyAuditExport, type AuditVerification } from '../../../libs/read-models/src/audit/audit-verify.js';
import { anchorVerifier, parsePublicKey, type AnchorVerifier } from '../../../libs/read-models/src/audit/proof/anchor-key.js';
import type { AuditAnchor } from '../../../libs/read-models/src/audit/proof/audit-anchor.js';
import { parseAnchors } from '../../../libs/read-models/src/audit/proof/verify-record.js';

export const EXIT_INTACT = 0;
export const EXIT_TAMPERED = 1;
export const EXIT_UNREADABLE = 2;

export interface VerifyOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progress?: (bytes: number, total: number) => void;
}

export interface VerifyFiles {
  /** Signed anchors: a JSON array, a saved `GET /v1/audit/anchors` page, or NDJSON. */
  readonly anchors?: string;
  /** Their public key: PEM, JWK, or the saved `GET /v1/audit/public-key` answer. */
  readonly publicKey?: string;
}

const MAX_SIDE_FILE = 256 * 1024 * 1024;

const readSmall = async (file: string): Promise<string> => {
  if ((await stat(file)).size > MAX_SIDE_FILE) throw new Error('larger than 256 MiB');
  return readFile(file, 'utf8');
};

type Loaded = { readonly anchors: readonly AuditAnchor[]; readonly verifier: AnchorVerifier | null } | { readonly usage: string };

const loadProof = async (files: VerifyFiles): Promise<Loaded> => {
  if (files.anchors === undefined && files.publicKey === undefined) return { anchors: [], verifier: null };
  if (files.anchors === undefined || files.publicKey === undefined) return { usage: '--anchors and --public-key go together (the anchors are checked with the key)' };
  let anchorsText: string;
  let keyText: string;
  try {
    anchorsText = await readSmall(files.anchors);
  } catch (error: unknown) {
    return { usage: `cannot read ${files.anchors}: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    keyText = await readSmall(files.publicKey);
  } catch (error: unknown) {
    return { usage: `cannot read ${files.publicKey}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const key = parsePublicKey(keyText);
  if ('error' in key) return { usage: `${files.publicKey}: ${key.error}` };
  const parsed = parseAnchors(anchorsText);
  if ('error' in parsed) return { usage: `${files.anchors}: ${parsed.error}` };
  return { anchors: parsed.anchors, verifier: await anchorVerifier(key.jwk) };
};

/** Verifies FILE (against the anchors when given) and answers the exit code; the report goes to `io`. */
export const verifyAuditFile = async (file: string, io: VerifyOutput, files: VerifyFiles = {}): Promise<number> => {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error: unknown) {
    io.err(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_UNREADABLE;
  }
  const proof = await loadProof(files);
  if ('usage' in proof) {
    io.err(`${proof.usage}\n`);
    return EXIT_UNREADABLE;
  }
  const input = createReadStream(file, { encoding: 'utf8' });
  input.on('data', () => io.progress?.(input.bytesRead, size));
  let result: AuditVerification;
  try {
    const verifier = proof.verifier;
    result = await verifyAuditExport(createInterface({ input, crlfDelay: Infinity }), verifier === null ? {} : { anchors: proof.anchors, isGenuine: verifier.isGenuine });
  } finally {
    input.destroy();
  }
  if (result.ok) {
    const anchors = proof.verifier === null ? '' : `, ${result.anchorsChecked} signed anchors agree (key ${proof.verifier.keyId})${result.anchorsSkipped > 0 ? `, ${result.anchorsSkipped} before the export skipped` : ''}`;
    const partial = result.partial ? ' (a partial export: it continues the chain of entries before it)' : '';
    io.out(`intact: ${result.count} entries${partial}${result.lastPosition === null ? '' : `, last position ${result.lastPosition}`}, last hash ${result.lastHash}${anchors}\n`);
    return EXIT_INTACT;
  }
  io.out(`line ${result.line}: ${result.problem} (${result.detail})\n`);
  return EXIT_TAMPERED;
};

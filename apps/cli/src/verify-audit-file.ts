/** The work of `authz audit verify FILE` (no Nest): exit 0 with a summary when intact, else the first bad line and exit 1. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { verifyAuditExport, type AuditVerification } from '../../../libs/read-models/src/audit/audit-verify.js';

export const EXIT_INTACT = 0;
export const EXIT_TAMPERED = 1;
export const EXIT_UNREADABLE = 2;

export interface VerifyOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progress?: (bytes: number, total: number) => void;
}

/** Verifies FILE and answers the exit code; the report goes to `io`. */
export const verifyAuditFile = async (file: string, io: VerifyOutput): Promise<number> => {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error: unknown) {
    io.err(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_UNREADABLE;
  }
  const input = createReadStream(file, { encoding: 'utf8' });
  input.on('data', () => io.progress?.(input.bytesRead, size));
  let result: AuditVerification;
  try {
    result = await verifyAuditExport(createInterface({ input, crlfDelay: Infinity }));
  } finally {
    input.destroy();
  }
  if (result.ok) {
    io.out(`intact: ${result.count} entries${result.lastPosition === null ? '' : `, last position ${result.lastPosition}`}, last hash ${result.lastHash}\n`);
    return EXIT_INTACT;
  }
  io.out(`line ${result.line}: ${result.problem} (${result.detail})\n`);
  return EXIT_TAMPERED;
};

/**
 * `authz audit verify FILE --anchors --public-key` on a real export of a real (embedded) store whose
 * anchors the real signer wrote: every kind of tampering is named at its first line, exit 1.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { AnchorQueries, auditAnchorsProjection } from '../../../libs/read-models/src/audit/anchors/anchor.queries.js';
import { ANCHOR_SIGNER_SCHEMA, auditAnchorSigner } from '../../../libs/read-models/src/audit/anchors/anchor-signer.js';
import { anchorSigningKey } from '../../../libs/read-models/src/audit/anchors/anchor-signing-key.js';
import { chainEntry, type ExportedAuditEntry } from '../../../libs/read-models/src/audit/audit-export.js';
import type { AuditEntry } from '../../../libs/read-models/src/audit/audit-entry.projection.js';
import type { AuditAnchor } from '../../../libs/read-models/src/audit/proof/audit-anchor.js';
import { canonicalJson } from '../../../libs/contracts/src/canonical-json.js';
import { applyThrough, EventLog, seedDirectory } from '../../../libs/read-models/src/testing/event-log.js';
import { openStores, type OpenedStores } from './cli-stores.js';
import { exportAudit } from './export-audit.js';
import { EXIT_INTACT, EXIT_TAMPERED, EXIT_UNREADABLE, verifyAuditFile } from './verify-audit-file.js';
import { loadCatalogue } from '../../../libs/platform/src/catalogue-loader.js';
import { reportToCsv } from '../../../libs/read-models/src/audit/report/holdings-report.js';
import { reportHoldings } from './report-holdings.js';

const EVERY = 7;
const newKey = () => anchorSigningKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());

const run = async (file: string, files: { anchors?: string; publicKey?: string }) => {
  const out: string[] = [];
  const code = await verifyAuditFile(file, { out: (t) => void out.push(t), err: (t) => void out.push(t) }, files);
  return { code, text: out.join('') };
};

describe('authz audit verify with signed anchors, on a real export', () => {
  let dir: string;
  let stores: OpenedStores;
  let lines: string[];
  let anchors: AuditAnchor[];
  const key = newKey();
  const files = { anchors: '', publicKey: '' };
  /** 1-based line of each anchored position. */
  const lineOf = (position: string): number => lines.findIndex((l) => (JSON.parse(l) as { position: string }).position === position) + 1;
  const write = async (name: string, body: string): Promise<string> => {
    const path = join(dir, name);
    await writeFile(path, body);
    return path;
  };
  const exportOf = async (name: string, edited: readonly string[]) => write(name, `${edited.join('\n')}\n`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authz-proof-'));
    const url = `pglite://${join(dir, 'events')}`;
    stores = await openStores({ eventStoreUrl: url, readStoreUrl: url });
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'acknowledged');
    applyThrough(log, 'A2', 'acknowledged', { applicant: 'E2' });
    applyThrough(log, 'A3', 'reviewed', { applicant: 'E2' });
    for (const e of log.events as RecordedEvent[]) {
      await stores.events.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: e.revision === 0 ? 'no_stream' : e.revision - 1 });
    }
    // The real signer over the real log (as the processor host feeds it), anchors in the log and the table.
    for (const statement of ANCHOR_SIGNER_SCHEMA) await stores.sql.query(statement);
    const signer = auditAnchorSigner({ events: stores.events, key, every: EVERY, minutes: 10 });
    await signer.react(await stores.events.readAll({ limit: 10_000 }), { sql: stores.sql, signal: new AbortController().signal });
    signer.stop();
    const list = auditAnchorsProjection();
    for (const statement of list.schema ?? []) await stores.sql.query(statement);
    const written = await stores.events.readAll({ limit: 10_000 });
    await stores.sql.transaction((tx) => list.apply(tx, written));
    anchors = await new AnchorQueries(stores.sql).all();

    const file = join(dir, 'audit.ndjson');
    const out = createWriteStream(file);
    await exportAudit(stores, {}, out);
    out.end();
    await once(out, 'finish');
    lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '');
    files.anchors = await write('anchors.json', JSON.stringify(anchors));
    files.publicKey = await write('public-key.pem', key.publicPem);
  });
  afterAll(async () => {
    await stores.events.close();
    await stores.sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has a real export the anchors cover (the anchors are not entries)', () => {
    expect(anchors.length).toBeGreaterThanOrEqual(3);
    expect(anchors.map((a) => a.count)).toEqual(anchors.map((_, i) => (i + 1) * EVERY));
    expect(lines).toHaveLength(anchors.length * EVERY + (lines.length % EVERY));
    expect(lines.some((l) => l.includes('"AuditAnchored"'))).toBe(false);
  });

  it('verifies an untouched export, with the key and anchors in every accepted form', async () => {
    const file = await exportOf('untouched.ndjson', lines);
    const jwk = await write('key.jwk', JSON.stringify(key.publicJwk));
    const answer = await write('key-answer.json', JSON.stringify({ keyId: key.keyId, algorithm: 'Ed25519', pem: key.publicPem, jwk: key.publicJwk }));
    const page = await write('anchors-page.json', JSON.stringify({ items: anchors, nextCursor: null }));
    const ndjson = await write('anchors.ndjson', anchors.map((a) => JSON.stringify(a)).join('\n'));
    for (const [anchorsFile, publicKey] of [[files.anchors, files.publicKey], [page, jwk], [ndjson, answer]] as const) {
      const { code, text } = await run(file, { anchors: anchorsFile, publicKey });
      expect({ code, text }).toEqual({ code: EXIT_INTACT, text: expect.stringMatching(new RegExp(`^intact: ${lines.length} entries.*${anchors.length} signed anchors agree \\(key ${key.keyId}\\)`)) });
    }
  });

  const tampered = (edit: (copy: string[]) => void): string[] => {
    const copy = [...lines];
    edit(copy);
    return copy;
  };
  const entryAt = (i: number): ExportedAuditEntry => JSON.parse(lines[i] ?? '') as ExportedAuditEntry;
  const bare = ({ prevHash: _p, hash: _h, ...entry }: ExportedAuditEntry): AuditEntry => entry;

  it.each([
    ['one line edited', 4, 'modified', (c: string[]): void => void (c[3] = (c[3] ?? '').replace('"revision":', '"revision":1'))],
    ['one line removed', 6, 'removed_or_inserted', (c: string[]): void => void c.splice(5, 1)],
    ['one line inserted', 9, 'removed_or_inserted', (c: string[]): void => void c.splice(8, 0, canonicalJson(chainEntry({ ...bare(entryAt(0)), position: `${entryAt(7).position}5`, eventId: 'forged' }, 'f'.repeat(64))))],
    ['two lines swapped', 11, 'reordered', (c: string[]): void => void ([c[10], c[11]] = [c[11] ?? '', c[10] ?? ''])],
  ] as const)('names %s at its first line and exits 1', async (name, line, problem, edit) => {
    const file = await exportOf(`${name.replace(/ /g, '-')}.ndjson`, tampered(edit));
    expect(await run(file, files)).toEqual({ code: EXIT_TAMPERED, text: expect.stringMatching(new RegExp(`^line ${line}: ${problem} `)) });
    // The chain alone catches these too.
    expect((await run(file, {})).code).toBe(EXIT_TAMPERED);
  });

  it('names a tail cut right after an anchor at last line + 1', async () => {
    const cut = lineOf(anchors[1]?.position ?? '');
    const file = await exportOf('cut.ndjson', lines.slice(0, cut));
    expect(await run(file, {})).toMatchObject({ code: EXIT_INTACT }); // the chain alone cannot see it
    expect(await run(file, files)).toEqual({ code: EXIT_TAMPERED, text: expect.stringMatching(new RegExp(`^line ${cut + 1}: truncated `)) });
  });

  it('names a history edited and re-chained consistently at the first anchor that disagrees', async () => {
    const edited = 2 * EVERY + 3; // 1-based line after the second anchor
    const rechained: string[] = [];
    let prevHash = '0'.repeat(64);
    for (const [i] of lines.entries()) {
      const entry = bare(entryAt(i));
      const changed = i + 1 === edited ? { ...entry, data: { ...(entry.data as object), opinion: 'rewritten' } } : entry;
      const chained = chainEntry(changed, prevHash);
      prevHash = chained.hash;
      rechained.push(canonicalJson(chained));
    }
    const file = await exportOf('rechained.ndjson', rechained);
    expect(await run(file, {})).toMatchObject({ code: EXIT_INTACT }); // consistent in itself
    const firstDisagreeing = lineOf(anchors[2]?.position ?? '');
    expect(await run(file, files)).toEqual({ code: EXIT_TAMPERED, text: expect.stringMatching(new RegExp(`^line ${firstDisagreeing}: rewritten `)) });
  });

  it('names a forged signature, and anchors checked with another key, as bad_signature', async () => {
    const file = await exportOf('for-signatures.ndjson', lines);
    const forged = anchors.map((a, i) => (i === 1 ? { ...a, hash: (JSON.parse(lines[0] ?? '') as { hash: string }).hash } : a));
    const forgedFile = await write('forged.json', JSON.stringify(forged));
    expect(await run(file, { ...files, anchors: forgedFile })).toEqual({ code: EXIT_TAMPERED, text: expect.stringMatching(new RegExp(`^line ${lineOf(anchors[1]?.position ?? '')}: bad_signature `)) });
    const other = await write('other.pem', newKey().publicPem);
    expect(await run(file, { ...files, publicKey: other })).toEqual({ code: EXIT_TAMPERED, text: expect.stringMatching(new RegExp(`^line ${lineOf(anchors[0]?.position ?? '')}: bad_signature `)) });
  });

  it('verifies a partial export (--from) against the anchors after its first line, skipping those before', async () => {
    const from = (JSON.parse(lines[EVERY + 2] ?? '') as { occurredAt: string }).occurredAt;
    const file = join(dir, 'partial.ndjson');
    const out = createWriteStream(file);
    const summary = await exportAudit(stores, { from }, out);
    out.end();
    await once(out, 'finish');
    expect(summary.count).toBeLessThan(lines.length);
    const { code, text } = await run(file, files);
    expect(code).toBe(EXIT_INTACT);
    expect(text).toMatch(/partial export/);
    expect(text).toMatch(/before the export skipped/);
  });

  it('exits 2 on a usage error: anchors without a key, a key that is not Ed25519, anchors that do not parse', async () => {
    const file = await exportOf('usage.ndjson', lines);
    expect((await run(file, { anchors: files.anchors })).code).toBe(EXIT_UNREADABLE);
    const rsa = await write('rsa.pem', generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'pem', type: 'spki' }).toString());
    expect(await run(file, { ...files, publicKey: rsa })).toEqual({ code: EXIT_UNREADABLE, text: expect.stringMatching(/not an Ed25519 public key/) });
    const junk = await write('junk.json', '[{"position": 1}]');
    expect((await run(file, { ...files, anchors: junk })).code).toBe(EXIT_UNREADABLE);
    expect((await run(join(dir, 'missing.ndjson'), files)).code).toBe(EXIT_UNREADABLE);
  });

  it('authz audit report --at: the grants in force at T from the real log, with their chains and progress (the anchors in the log change nothing)', async () => {
    const progress: [number, number][] = [];
    const report = await reportHoldings(stores.events, loadCatalogue(), '2026-01-15T00:00:00.000Z', (done, total) => progress.push([done, total]));
    expect(report.byGrant.map((g) => [g.grantId, g.employee.id, g.chain.reviewer?.name, g.chain.approver?.name, g.chain.issuer?.name])).toEqual([
      ['A1', 'E1', 'Name S1', 'Name M1', 'Name M1'],
      ['A2', 'E2', 'Name S1', 'Name M1', 'Name M1'],
    ]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    expect(reportToCsv(report).split('\r\n').filter((row) => row.startsWith(`${report.at},grant,`))).toHaveLength(2);
    expect((await reportHoldings(stores.events, loadCatalogue(), '2025-12-31T00:00:00.000Z')).byGrant).toEqual([]);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from '../../../../event-store/src/create-event-store.js';
import type { EventStore, RecordedEvent } from '../../../../event-store/src/event-store.port.js';
import { openSqlClient } from '../../../../sql/src/open-sql-client.js';
import type { SqlClient } from '../../../../sql/src/sql-client.port.js';
import { applyThrough, EventLog, seedDirectory } from '../../testing/event-log.js';
import { toAuditEntry } from '../audit-entry.projection.js';
import { exportAuditRange } from '../audit-export.js';
import { anchorVerifier } from '../proof/anchor-key.js';
import { ANCHOR_STREAM } from '../proof/audit-anchor.js';
import { AnchorQueries, auditAnchorsProjection } from './anchor.queries.js';
import { ANCHOR_SIGNER_SCHEMA, anchorEventId, auditAnchorSigner, readChainHead } from './anchor-signer.js';
import { anchorSigningKey } from './anchor-signing-key.js';
import { ReadModelQueries } from '../../postgres/read-model.queries.js';
import { ReadModelStore } from '../../postgres/read-model.store.js';
import { migrateReadModels } from '../../postgres/schema.js';
import { ProcessorHost } from '../../../../processors/src/host.js';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../../../../../test/support/timeouts.js';

const pem = (): string => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('audit anchor signer on an embedded store', () => {
  let dir: string;
  let sql: SqlClient;
  let events: EventStore;
  const key = anchorSigningKey(pem());
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
  const now = (): Date => new Date(clock);
  const context = () => ({ sql, signal: new AbortController().signal });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authz-anchors-'));
    const url = `pglite://${join(dir, 'events')}`;
    sql = await openSqlClient(url);
    events = await createEventStore(url, { sqlClient: sql });
    for (const statement of ANCHOR_SIGNER_SCHEMA) await sql.query(statement);
    const log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'acknowledged');
    for (const e of log.events as RecordedEvent[]) {
      await events.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: e.revision === 0 ? 'no_stream' : e.revision - 1 });
    }
  });
  afterAll(async () => {
    await events.close();
    await sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  const anchorsInLog = async () => (await events.readStream(ANCHOR_STREAM)).map((e) => e.data as { position: string; count: number; hash: string });

  it('anchors every N entries, signs the export chain, writes each anchor once, and time-anchors only new entries', async () => {
    const log = await events.readAll({ limit: 10_000 });
    const n = log.length;
    expect(n).toBeGreaterThan(10);
    const signer = auditAnchorSigner({ events, key, every: 5, minutes: 10, now, tickMs: 3_600_000 });
    await signer.react(log, context());
    const written = await anchorsInLog();
    expect(written.map((a) => a.count)).toEqual(Array.from({ length: Math.floor(n / 5) }, (_, i) => (i + 1) * 5));

    // Each anchor holds the chain hash of the export's line at its position, signed by the key.
    const lines: Record<string, string> = {};
    for await (const line of exportAuditRange(log.map(toAuditEntry))) {
      const { position, hash } = JSON.parse(line) as { position: string; hash: string };
      lines[position] = hash;
    }
    const verifier = await anchorVerifier(key.publicJwk);
    // The list is a projection of the stream: what the log holds.
    const list = auditAnchorsProjection();
    for (const statement of list.schema ?? []) await sql.query(statement);
    await sql.transaction((tx) => list.apply(tx, log)); // entries are not anchors: nothing listed
    expect(await new AnchorQueries(sql).all()).toEqual([]);
    const stream = await events.readStream(ANCHOR_STREAM); // before the transaction: PGlite has one connection
    await sql.transaction((tx) => list.apply(tx, stream));
    expect((await new AnchorQueries(sql).all()).map((a) => a.count)).toEqual(written.map((a) => a.count));
    for (const anchor of await new AnchorQueries(sql).all()) {
      expect(anchor.hash).toBe(lines[anchor.position]);
      expect(await verifier.isGenuine(anchor)).toBe(true);
      expect(await verifier.isGenuine({ ...anchor, count: anchor.count + 1 })).toBe(false);
    }

    // A replayed batch, and a second instance over the same log, write nothing more.
    await signer.react(log, context());
    const second = auditAnchorSigner({ events, key, every: 5, minutes: 10, now, tickMs: 3_600_000 });
    await second.react([...log, ...(await events.readStream(ANCHOR_STREAM))], context());
    expect(await anchorsInLog()).toHaveLength(written.length);

    // Time-due: not before `minutes`, then once at the head, then never again without new entries.
    const remainder = n % 5;
    clock += 9 * 60_000;
    expect(await signer.tick(sql)).toBeNull();
    clock += 60_000;
    const timed = await signer.tick(sql);
    if (remainder === 0) {
      expect(timed).toBeNull();
    } else {
      expect(timed).toMatchObject({ count: n, position: log[n - 1]?.position, hash: lines[log[n - 1]?.position ?? ''] });
      expect((await events.readStream(ANCHOR_STREAM)).at(-1)?.id).toBe(anchorEventId(log[n - 1]?.position ?? ''));
    }
    clock += 60 * 60_000;
    expect(await signer.tick(sql)).toBeNull();
    expect(await readChainHead(sql)).toMatchObject({ count: n, anchoredCount: n });
    signer.stop();
    second.stop();

    // The read models' audit trail (the export's source) has every entry and none of the anchors.
    await migrateReadModels(sql);
    const everything = await events.readAll({ limit: 10_000 });
    expect(everything.length).toBeGreaterThan(n);
    await new ReadModelStore(sql).apply(everything);
    expect(await new ReadModelQueries(sql).countAudit()).toBe(n);
  });

  it('runs under the processor host: anchors the whole log from its start, and a time-due anchor within seconds', async () => {
    const url = `pglite://${join(dir, 'hosted')}`;
    const hostedSql = await openSqlClient(url);
    const hostedEvents = await createEventStore(url, { sqlClient: hostedSql });
    const log = await events.readAll({ limit: 10_000 });
    const entries = log.filter((e) => e.streamId !== ANCHOR_STREAM);
    for (const e of entries) {
      await hostedEvents.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: e.revision === 0 ? 'no_stream' : e.revision - 1 });
    }
    let hostedClock = Date.now();
    const signer = auditAnchorSigner({ events: hostedEvents, key, every: 4, minutes: 1, tickMs: 100, now: () => new Date(hostedClock) });
    const host = new ProcessorHost({ events: hostedEvents, sql: hostedSql, processors: [signer, auditAnchorsProjection()] });
    try {
      await host.start();
      signer.start(hostedSql);
      const expected = Math.floor(entries.length / 4);
      const counts = async () => (await hostedEvents.readStream(ANCHOR_STREAM)).map((e) => (e.data as { count: number }).count);
      const deadline = Date.now() + WAIT_BOUND_MS;
      while ((await counts()).length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await counts()).toEqual(Array.from({ length: expected }, (_, i) => (i + 1) * 4));
      if (entries.length % 4 !== 0) {
        // A minute later the remainder is due: a quiet log gets no batch, the clock writes it.
        expect(await counts()).toHaveLength(expected);
        hostedClock += 60_000;
        while ((await counts()).length === expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect((await counts()).at(-1)).toBe(entries.length);
      }
      // The list (a projection on the same host) follows the stream.
      const listed = async () => (await new AnchorQueries(hostedSql).all()).map((a) => a.count);
      while ((await listed()).length < (await counts()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await listed()).toEqual(await counts());
    } finally {
      signer.stop();
      await host.stop();
      await hostedEvents.close();
      await hostedSql.close();
    }
  }, HOOK_TIMEOUT_MS);
});

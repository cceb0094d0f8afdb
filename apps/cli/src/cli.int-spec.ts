import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { applyThrough, EventLog, seedDirectory } from '../../../libs/read-models/src/testing/event-log.js';
import { openStores, type OpenedStores } from './cli-stores.js';
import { exportAudit } from './export-audit.js';
import { rebuildProjections, rebuildSummary } from './rebuild-projections.js';
import { EXIT_INTACT, EXIT_TAMPERED, EXIT_UNREADABLE, verifyAuditFile } from './verify-audit-file.js';

/** The built CLI (`npx tsc -p tsconfig.build.json`); nest-commander is CommonJS requiring ESM Nest, which jest cannot load. */
const BUILT_CLI = fileURLToPath(new URL('../../../dist/apps/cli/src/main.js', import.meta.url));

const collect = () => {
  const out: string[] = [];
  return { out, io: { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) } };
};

describe('authz CLI on an embedded store', () => {
  let dir: string;
  let stores: OpenedStores;
  let log: EventLog;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'authz-cli-'));
    const url = `pglite://${join(dir, 'events')}`;
    stores = await openStores({ eventStoreUrl: url, readStoreUrl: url });
    log = new EventLog();
    seedDirectory(log);
    applyThrough(log, 'A1', 'acknowledged');
    applyThrough(log, 'A2', 'reviewed', { applicant: 'E2' });
    for (const e of log.events as RecordedEvent[]) {
      await stores.events.append(e.streamId, [{ id: e.id, type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: e.revision === 0 ? 'no_stream' : e.revision - 1 });
    }
    file = join(dir, 'audit.ndjson');
    const out = createWriteStream(file);
    const summary = await exportAudit(stores, {}, out);
    out.end();
    await once(out, 'finish');
    expect(summary.count).toBe(log.events.length);
  });
  afterAll(async () => {
    await stores.events.close();
    await stores.sql.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('audit verify', () => {
    it('exits 0 with a summary when the export is intact', async () => {
      const { out, io } = collect();
      expect(await verifyAuditFile(file, io)).toBe(EXIT_INTACT);
      expect(out.join('')).toMatch(new RegExp(`^intact: ${log.events.length} entries`));
    });

    it('exits 1 and names the first bad line when a line was altered', async () => {
      const lines = (await readFile(file, 'utf8')).split('\n');
      lines[3] = (lines[3] ?? '').replace('"Name ', '"Mallory ');
      const tampered = join(dir, 'tampered.ndjson');
      await writeFile(tampered, lines.join('\n'));
      const { out, io } = collect();
      expect(await verifyAuditFile(tampered, io)).toBe(EXIT_TAMPERED);
      expect(out.join('')).toMatch(/^line 4: modified/);


      if (!existsSync(BUILT_CLI)) {
        process.stderr.write(`cli.int-spec: ${BUILT_CLI} not built, the spawned \`authz audit verify\` check did not run\n`);
        return;
      }
      const bad = spawnSync(process.execPath, [BUILT_CLI, 'audit', 'verify', tampered], { encoding: 'utf8' });
      expect({ status: bad.status, stdout: bad.stdout }).toEqual({ status: EXIT_TAMPERED, stdout: expect.stringMatching(/^line 4: modified/) });
      const good = spawnSync(process.execPath, [BUILT_CLI, 'audit', 'verify', file], { encoding: 'utf8' });
      expect({ status: good.status, stdout: good.stdout }).toEqual({ status: EXIT_INTACT, stdout: expect.stringMatching(/^intact: /) });
    });

    it('exits 2 when the file cannot be read', async () => {
      const { io } = collect();
      expect(await verifyAuditFile(join(dir, 'missing.ndjson'), io)).toBe(EXIT_UNREADABLE);
    });
  });

  describe('projections rebuild', () => {
    it('replays every event into emptied read models', async () => {
      await stores.sql.query(`DELETE FROM rm_authorizations`);
      const progress: number[] = [];
      const result = await rebuildProjections(stores.store, stores.events, (done) => progress.push(done));
      expect(result.applied).toBe(log.events.length);
      expect(progress.length).toBeGreaterThan(0);
      expect(rebuildSummary(result)).toMatch(new RegExp(`^rebuilt the read models from ${log.events.length} events`));
      expect(await stores.queries.getAuthorization('A2')).toMatchObject({ status: 'pending_approval' });
      expect(await stores.queries.checkpoint()).toBe(await stores.events.headPosition());
    });
  });
});

import fc from 'fast-check';
import { applyThrough, EventLog, seedDirectory } from '../testing/event-log.js';
import { auditEntryOf, type AuditEntry } from './audit-entry.projection.js';
import { chainEntry, exportAuditLines, GENESIS_HASH, hashEntry } from './audit-export.js';
import { verifyAuditExport } from './audit-verify.js';
import { canonicalJson } from '../../../contracts/src/canonical-json.js';

const entries = (): AuditEntry[] => {
  const log = new EventLog();
  seedDirectory(log);
  applyThrough(log, 'A1', 'acknowledged');
  return log.events.map((e) => auditEntryOf(e, () => 'E1').entry);
};

const exported = async (): Promise<string[]> => {
  const lines: string[] = [];
  for await (const line of exportAuditLines(entries())) lines.push(line);
  return lines;
};

const at = (lines: readonly string[], index: number): string => {
  const line = lines[index];
  if (line === undefined) throw new Error(`no line ${index}`);
  return line;
};

describe('canonical JSON', () => {
  it('sorts keys recursively and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"y":"x","z":1}]},"b":1}');
  });
});

describe('audit export', () => {
  it('chains every line to the previous one from 64 zeros', async () => {
    const lines = await exported();
    const first = JSON.parse(at(lines, 0)) as Record<string, unknown>;
    expect(first['prevHash']).toBe(GENESIS_HASH);
    const second = JSON.parse(at(lines, 1)) as Record<string, unknown>;
    expect(second['prevHash']).toBe(first['hash']);
    const { hash, ...withoutHash } = second;
    expect(hash).toBe(hashEntry(withoutHash));
    expect(Object.keys(first).sort()).toEqual(['actor', 'data', 'eventId', 'hash', 'metadata', 'occurredAt', 'position', 'prevHash', 'revision', 'streamId', 'type']);
  });
});

describe('audit verify', () => {
  it('passes an untouched export and reports the count and head hash', async () => {
    const lines = await exported();
    const result = await verifyAuditExport([...lines.map((l) => `${l}\n`), '']);
    expect(result).toEqual({
      ok: true,
      count: lines.length,
      lastHash: (JSON.parse(at(lines, lines.length - 1)) as { hash: string }).hash,
      lastPosition: expect.any(String),
      partial: false,
      anchorsChecked: 0,
      anchorsSkipped: 0,
    });
  });

  it('reads an export without its first lines as partial (the chain before it cannot be checked without anchors)', async () => {
    const lines = await exported();
    expect(await verifyAuditExport(lines.slice(3))).toMatchObject({ ok: true, count: lines.length - 3, partial: true });
  });

  it('reports a modified line', async () => {
    const lines = await exported();
    lines[4] = at(lines, 4).replace('Name ', 'Nome ');
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, line: 5, problem: 'modified' });
  });

  it('reports the line after a deleted one', async () => {
    const lines = await exported();
    lines.splice(3, 1);
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, line: 4, problem: 'removed_or_inserted' });
  });

  it('reports an inserted line that is consistent in itself', async () => {
    const lines = await exported();
    const forged = chainEntry({ ...entries()[0]!, position: '00000000000000000003x', eventId: 'forged' }, 'f'.repeat(64));
    lines.splice(3, 0, canonicalJson(forged));
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, line: 4, problem: 'removed_or_inserted' });
  });

  it('reports the line after an insertion chained to its predecessor', async () => {
    const lines = await exported();
    const previous = JSON.parse(at(lines, 2)) as { hash: string };
    const forged = chainEntry({ ...entries()[0]!, position: '00000000000000000003x', eventId: 'forged' }, previous.hash);
    lines.splice(3, 0, canonicalJson(forged));
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, line: 5, problem: 'removed_or_inserted' });
  });

  it('reports the first of two swapped lines as reordered', async () => {
    const lines = await exported();
    const [a, b] = [at(lines, 5), at(lines, 6)];
    lines[5] = b;
    lines[6] = a;
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, line: 6, problem: 'reordered' });
  });

  it('reports a line that is not JSON', async () => {
    const lines = await exported();
    lines[2] = '{"position":';
    expect(await verifyAuditExport(lines)).toMatchObject({ ok: false, line: 3, problem: 'malformed' });
  });

  it('reports a modified first line and a missing field', async () => {
    const lines = await exported();
    const first = JSON.parse(at(lines, 0)) as Record<string, unknown>;
    expect(await verifyAuditExport([canonicalJson({ ...first, type: 'Other' }), ...lines.slice(1)])).toMatchObject({ ok: false, line: 1, problem: 'modified' });
    const { eventId: _eventId, ...partial } = first;
    expect(await verifyAuditExport([...lines.slice(0, 6), canonicalJson(partial)])).toMatchObject({ ok: false, line: 7, problem: 'malformed' });
  });

  it('passes an empty export', async () => {
    expect(await verifyAuditExport([])).toMatchObject({ ok: true, count: 0 });
  });
});

describe('audit verify, for every line of an export', () => {
  it('reports the first line of any single deletion, swap or modification', async () => {
    const lines = await exported();
    const n = lines.length;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: n - 2 }), fc.constantFrom('delete', 'swap', 'modify'), async (i, tamper) => {
        // Without its first line an export reads as a partial one (tested above); anchors catch that.
        fc.pre(!(tamper === 'delete' && i === 0));
        const copy = [...lines];
        if (tamper === 'delete') copy.splice(i, 1);
        if (tamper === 'swap') [copy[i], copy[i + 1]] = [at(lines, i + 1), at(lines, i)];
        if (tamper === 'modify') {
          const entry = JSON.parse(at(lines, i)) as Record<string, unknown>;
          copy[i] = canonicalJson({ ...entry, occurredAt: '1999-01-01T00:00:00.000Z' });
        }
        const expected = { delete: 'removed_or_inserted', swap: 'reordered', modify: 'modified' }[tamper];
        expect(await verifyAuditExport(copy)).toMatchObject({ ok: false, line: i + 1, problem: expected });
      }),
      { numRuns: 60 },
    );
  });
});

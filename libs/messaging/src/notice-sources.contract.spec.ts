/**
 * Every notice source's output against the contract: each type it declares is produced from the
 * sample log, each message is valid against its type's JSON Schema and carries every CloudEvents
 * header; a source without samples fails here.
 */
import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import { AUDIT_ANCHOR_TOPIC, NoticeHeaders, noticeSchemaPath, NoticeTypes, type NoticeType } from '../../contracts/src/index.js';
import { validateJsonSchema } from '../../contracts/testing/validate-json-schema.js';
import { SAMPLE_STREAMS, sampleLog } from '../testing/source-samples.js';
import { NoticeMapper } from './notice-mapper.js';
import { NoticeMappingError } from './to-notice-message.js';
import { NOTICE_SOURCES } from './notice-sources.js';
import type { NoticeMessage } from './notice-publisher.port.js';

const schemaOf = (type: NoticeType): Record<string, unknown> => JSON.parse(readFileSync(noticeSchemaPath(type), 'utf8')) as Record<string, unknown>;

async function mapAll(log: readonly RecordedEvent[]): Promise<{ event: RecordedEvent; message: NoticeMessage }[]> {
  const reader = { readStream: (streamId: string) => Promise.resolve(log.filter((e) => e.streamId === streamId)) };
  const mapper = new NoticeMapper(reader, NOTICE_SOURCES, { matterNames: () => ({ 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' }) });
  const out: { event: RecordedEvent; message: NoticeMessage }[] = [];
  for (const event of log) {
    const message = await mapper.map(event);
    if (message) out.push({ event, message });
  }
  return out;
}

describe('notice sources against their contract', () => {
  const log = sampleLog();
  let produced: { event: RecordedEvent; message: NoticeMessage }[] = [];
  beforeAll(async () => {
    produced = await mapAll(log);
  });

  it.each(NOTICE_SOURCES.sources.filter((s) => s.types.length > 0).map((s) => [s.category, s] as const))('%s has sample streams', (category) => {
    expect(SAMPLE_STREAMS[category]?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(NOTICE_SOURCES.sources.flatMap((s) => s.types.map((type) => [type, s.category] as const)))('%s is produced by the %s source from the samples', (type, category) => {
    const of = produced.filter(({ message }) => message.headers[NoticeHeaders.type] === type);
    expect(of.length).toBeGreaterThan(0);
    for (const { event } of of) expect(NOTICE_SOURCES.sourceFor(event.streamId)?.category).toBe(category);
  });

  it('maps every message to a valid payload of its type, with every CloudEvents header', () => {
    expect(produced.length).toBeGreaterThan(0);
    for (const { event, message } of produced) {
      const type = message.headers[NoticeHeaders.type] as NoticeType;
      expect(NOTICE_SOURCES.sourceFor(event.streamId)?.types).toContain(type);
      expect({ type, errors: validateJsonSchema(schemaOf(type), JSON.parse(message.value)) }).toEqual({ type, errors: [] });
      for (const header of Object.values(NoticeHeaders)) expect(typeof message.headers[header]).toBe('string');
      expect(message.headers[NoticeHeaders.id]).toBe(event.id);
      expect(message.key.length).toBeGreaterThan(0);
    }
  });

  it('maps the same log to the same bytes twice (a replay publishes identical duplicates)', async () => {
    expect(await mapAll(log)).toEqual(produced);
  });

  it('routes the audit anchors to their own topic under key audit-anchors, every other message to the notices topic', () => {
    for (const { message } of produced) {
      const anchored = message.headers[NoticeHeaders.type] === NoticeTypes.auditAnchored;
      expect(message.topic).toBe(anchored ? AUDIT_ANCHOR_TOPIC : undefined);
      if (anchored) expect([message.key, message.headers[NoticeHeaders.subject], message.headers[NoticeHeaders.departments]]).toEqual(['audit-anchors', 'audit-anchors', 'compliance']);
    }
  });

  it('tells HR only the consequences HR applies, without the assessment notes, and nothing for an assessment without one', () => {
    const hr = produced.filter(({ message }) => message.headers[NoticeHeaders.type] === NoticeTypes.assessmentRecorded);
    expect(hr.map(({ event }) => event.streamId)).toEqual(['assessment-E1-2026-Q1']);
    const message = hr[0]!.message;
    expect([message.key, message.headers[NoticeHeaders.departments]]).toEqual(['E1', 'hr']);
    expect(JSON.parse(message.value)).toMatchObject({ employee: { id: 'E1', name: 'Lin Mei' }, period: '2026-Q1', consequences: ['fine'] });
    expect(message.value).not.toContain('private notes');
  });

  it('tells compliance the outcome of a closed access review, with the campaign it started as', () => {
    const closed = produced.filter(({ message }) => message.headers[NoticeHeaders.type] === NoticeTypes.accessReviewClosed);
    expect(closed).toHaveLength(1);
    const message = closed[0]!.message;
    expect(message.headers[NoticeHeaders.departments]).toBe('compliance');
    expect(JSON.parse(message.value)).toMatchObject({ team: 'T1', defaultDecision: 'revoke', startedBy: 'M1', counts: { kept: 1, revokedByDefault: 1 } });
  });

  it('refuses (never skips) a closing without its start', async () => {
    const closing = log.filter((e) => e.type === 'AccessReviewClosed').map((e) => ({ ...e, revision: 0 }));
    await expect(mapAll(closing)).rejects.toThrow(NoticeMappingError);
  });

  it('finds a source by stream category, and none for streams nobody follows', () => {
    expect(NOTICE_SOURCES.sourceFor('authorization-0a000000-0000-4000-8000-000000000001')?.category).toBe('authorization');
    expect(NOTICE_SOURCES.sourceFor('report-R1')?.category).toBe('report');
    expect(NOTICE_SOURCES.sourceFor('employee-E1')?.category).toBe('employee');
    expect(NOTICE_SOURCES.sourceFor('access-review-0c000000-0000-4000-8000-000000000001')?.category).toBe('access-review');
    expect(NOTICE_SOURCES.sourceFor('assessment-E1-2026-Q1')?.category).toBe('assessment');
    expect(NOTICE_SOURCES.sourceFor('audit-anchors')?.category).toBe('audit-anchors');
    expect(NOTICE_SOURCES.sourceFor('inspection-I1')).toBeNull();
    expect(NOTICE_SOURCES.sourceFor('authorizations-A1')).toBeNull();
  });
});

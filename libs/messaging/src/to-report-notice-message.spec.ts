import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import { FINDINGS, REPORT_CATEGORIES, type ReportEvent } from '../../domain/src/supervision/supervision.events.js';
import { NoticeTypes, noticeSchemaPath } from '../../contracts/src/index.js';
import { validateJsonSchema } from '../../contracts/testing/validate-json-schema.js';
import { REPORTER, reportLifeOf } from '../testing/notice-fixtures.js';
import type { NoticeReportContext, ReportNoticeMappingContext } from './notice-context.js';
import { NoticeMappingError, toNoticeMessage } from './to-notice-message.js';
import { toReportNoticeMessage } from './to-report-notice-message.js';

const REPORT = '5e0c1d2a-0000-4000-8000-000000000002';
const AUTH = '7f1c2a4e-0000-4000-8000-000000000001';
const SUBJECT = { id: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1' };

const recorded = (event: ReportEvent, revision: number): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  type: event.type,
  streamId: `report-${REPORT}`,
  revision,
  position: String(100 + revision).padStart(20, '0'),
  data: event.data,
  metadata: { ...(event.metadata ?? {}) },
  recordedAt: '2026-01-05T00:00:00.000Z',
});

const context = (report: Partial<NoticeReportContext> = {}): ReportNoticeMappingContext => ({
  report: { reportId: REPORT, subjectEmployeeId: 'E1', authorizationId: AUTH, category: 'out_of_scope', ...report },
  subject: SUBJECT,
});

const schema = JSON.parse(readFileSync(noticeSchemaPath(NoticeTypes.reportConcluded), 'utf8')) as {
  properties: { category: { enum: string[] }; finding: { enum: string[] } };
};
const concludedOf = (authorizationId: string | null): RecordedEvent => recorded(reportLifeOf(REPORT, 'E1', authorizationId)[2]!, 2);

describe('toReportNoticeMessage', () => {
  describe('when a report naming an authorization is concluded', () => {
    const message = toReportNoticeMessage(concludedOf(AUTH), context());

    it('is keyed by the report id, with CloudEvents headers copied to quality', () => {
      expect(message?.key).toBe(REPORT);
      expect(message?.headers).toEqual({
        ce_specversion: '1.0',
        ce_id: '00000000-0000-4000-8000-000000000002',
        ce_source: '/callcenter/authorization-service',
        ce_type: 'com.callcenter.authorization.report-concluded.v1',
        ce_time: '2026-01-04T10:00:00.000Z',
        ce_subject: REPORT,
        ce_departments: 'quality',
        'content-type': 'application/json',
      });
    });

    it('states the subject, authorization, category, finding, summary, actions and investigator, valid against its schema', () => {
      const data = JSON.parse(message?.value ?? 'null') as unknown;
      expect(data).toEqual({
        reportId: REPORT,
        subject: SUBJECT,
        authorizationId: AUTH,
        category: 'out_of_scope',
        finding: 'substantiated',
        summary: 'confirmed from the call recording',
        actions: [{ type: 'revoke', authorizationId: AUTH }, { type: 'warning' }, { type: 'training', course: 'scope-basics' }],
        investigatorId: 'S1',
        concludedAt: '2026-01-04T10:00:00.000Z',
      });
      expect(validateJsonSchema(schema, data)).toEqual([]);
    });

    it('names neither the reporter nor their contact, anywhere in the message', () => {
      const text = JSON.stringify(message);
      expect(text).not.toContain(REPORTER.employeeId);
      expect(text).not.toContain(REPORTER.contact);
      expect(text).not.toMatch(/reporter|reportedBy|contact|description/);
    });
  });

  it('leaves authorizationId out when the report named none, still valid against the schema', () => {
    const data = JSON.parse(toReportNoticeMessage(concludedOf(null), context({ authorizationId: null }))?.value ?? 'null') as Record<string, unknown>;
    expect(data).not.toHaveProperty('authorizationId');
    expect(data['actions']).toEqual([{ type: 'warning' }, { type: 'training', course: 'scope-basics' }]);
    expect(validateJsonSchema(schema, data)).toEqual([]);
  });

  it('falls back to the recorded time when the event has no occurredAt', () => {
    const message = toReportNoticeMessage({ ...concludedOf(AUTH), metadata: {} }, context());
    expect(message?.headers['ce_time']).toBe('2026-01-05T00:00:00.000Z');
    expect(JSON.parse(message?.value ?? 'null')).toMatchObject({ concludedAt: '2026-01-05T00:00:00.000Z' });
  });

  it('produces nothing for the other events of a report, and the authorization mapper ignores the conclusion', () => {
    const [reported, started, , notified] = reportLifeOf(REPORT, 'E1', AUTH);
    for (const [event, revision] of [[reported!, 0], [started!, 1], [notified!, 3]] as const) {
      expect(toReportNoticeMessage(recorded(event, revision), context())).toBeNull();
    }
    const authorizationContext = { authorization: { authorizationId: AUTH, employeeId: 'E1', lastNotice: null, noticeInForce: null, copiedTo: [] }, employee: SUBJECT };
    expect(toNoticeMessage(concludedOf(AUTH), authorizationContext)).toBeNull();
  });

  it('refuses a context of another report, or a subject who is not the reported employee', () => {
    expect(() => toReportNoticeMessage(concludedOf(AUTH), context({ reportId: 'other' }))).toThrow(NoticeMappingError);
    expect(() => toReportNoticeMessage(concludedOf(AUTH), { ...context(), subject: { ...SUBJECT, id: 'E9' } })).toThrow(NoticeMappingError);
  });

  it('publishes the same vocabularies as the domain, so that every conclusion fits the schema', () => {
    expect(schema.properties.category.enum).toEqual([...REPORT_CATEGORIES]);
    expect(schema.properties.finding.enum).toEqual([...FINDINGS]);
  });
});

import { readFileSync } from 'node:fs';
import type { RecordedEvent } from '../../event-store/src/event-store.port.js';
import type { AuthorizationEvent } from '../../domain/src/events.js';
import { NoticeTypes, noticeSchemaPath, type NoticeType } from '../../contracts/src/index.js';
import { validateJsonSchema } from '../../contracts/testing/validate-json-schema.js';
import { lifeOf, metadata, TERMS } from '../testing/notice-fixtures.js';
import type { NoticeAuthorizationContext, NoticeMappingContext, NoticeSummary } from './notice-context.js';
import { NoticeMappingError, toNoticeMessage } from './to-notice-message.js';

const AUTH = '7f1c2a4e-0000-4000-8000-000000000001';
const EMPLOYEE = { id: 'E1', name: 'Lin Mei', role: 'agent', team: 'T1' };
const NOTICE: NoticeSummary = { noticeNumber: 'N-7f1c2a4e', issuerId: 'M1', issuedAs: 'manager', copiesTo: ['finance', 'quality'], terms: TERMS };

const recorded = (event: { type: string; data: unknown; metadata?: object }, revision = 0): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  type: event.type,
  streamId: `authorization-${AUTH}`,
  revision,
  position: String(revision).padStart(20, '0'),
  data: event.data,
  metadata: { ...(event.metadata ?? {}) },
  recordedAt: '2026-01-05T00:00:00.000Z',
});

const context = (authorization: Partial<NoticeAuthorizationContext> = {}): NoticeMappingContext => ({
  authorization: { authorizationId: AUTH, employeeId: 'E1', lastNotice: NOTICE, noticeInForce: NOTICE, copiedTo: NOTICE.copiesTo, ...authorization },
  employee: EMPLOYEE,
  issuerName: 'Chen Wei',
  matterNames: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' },
});

const schemaOf = (type: NoticeType): Record<string, unknown> => JSON.parse(readFileSync(noticeSchemaPath(type), 'utf8')) as Record<string, unknown>;
const life = lifeOf(AUTH);
const eventOf = (type: AuthorizationEvent['type']): AuthorizationEvent => {
  const found = life.find((e) => e.type === type);
  if (!found) throw new Error(type);
  return found;
};

describe('toNoticeMessage', () => {
  describe('for a notice issued', () => {
    const message = toNoticeMessage(recorded(eventOf('NoticeIssued'), 2), context({ lastNotice: null, noticeInForce: null }));

    it('keys the message by authorization id and sets the CloudEvents binary-mode headers', () => {
      expect(message?.key).toBe(AUTH);
      expect(message?.headers).toEqual({
        ce_specversion: '1.0',
        ce_id: '00000000-0000-4000-8000-000000000002',
        ce_source: '/callcenter/authorization-service',
        ce_type: 'com.callcenter.authorization.notice-issued.v1',
        ce_time: '2026-01-01T10:00:00.000Z',
        ce_subject: AUTH,
        ce_departments: 'finance,quality',
        'content-type': 'application/json',
      });
    });

    it('states employee, matter, scope, validity, issuer and copies, valid against its schema', () => {
      const data = JSON.parse(message?.value ?? 'null') as Record<string, unknown>;
      expect(data).toEqual({
        authorizationId: AUTH,
        noticeNumber: 'N-7f1c2a4e',
        employee: EMPLOYEE,
        matter: { id: 'compensation.issue', names: { 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' } },
        scope: { maxAmount: 800, channels: ['phone'] },
        validity: { validFrom: TERMS.validFrom, validUntil: TERMS.validUntil },
        issuer: { id: 'M1', name: 'Chen Wei', issuedAs: 'manager' },
        copiesTo: ['finance', 'quality'],
        issuedAt: '2026-01-01T10:00:00.000Z',
      });
      expect(validateJsonSchema(schemaOf(NoticeTypes.issued), data)).toEqual([]);
    });
  });

  it('carries the change id and the new terms on the notice of a change', () => {
    const newTerms = { ...TERMS, scope: { maxAmount: 1500 }, validUntil: '2026-04-01T00:00:00.000Z' };
    const issued = { type: 'NoticeIssued', data: { ...NOTICE, authorizationId: AUTH, noticeNumber: 'N-2', changeId: 'C1', terms: newTerms }, metadata: metadata('2026-02-01T00:00:00.000Z') };
    const data = JSON.parse(toNoticeMessage(recorded(issued, 9), context())?.value ?? 'null') as Record<string, unknown>;
    expect(data).toMatchObject({ changeId: 'C1', noticeNumber: 'N-2', scope: { maxAmount: 1500 }, validity: { validUntil: '2026-04-01T00:00:00.000Z' } });
    expect(validateJsonSchema(schemaOf(NoticeTypes.issued), data)).toEqual([]);
  });

  it.each([
    ['NoticeAcknowledged', NoticeTypes.acknowledged, { acknowledgedAt: '2026-01-01T11:00:00.000Z' }],
    ['AuthorizationRevoked', NoticeTypes.revoked, { reason: 'violation', cause: 'manual', revokedBy: 'M1' }],
  ] as const)('maps %s to %s with its own fields, valid against the schema', (eventType, ceType, fields) => {
    const message = toNoticeMessage(recorded(eventOf(eventType), 3), context());
    expect(message?.headers['ce_type']).toBe(ceType);
    expect(message?.headers['ce_departments']).toBe('finance,quality');
    const data = JSON.parse(message?.value ?? 'null') as Record<string, unknown>;
    expect(data).toMatchObject({ authorizationId: AUTH, noticeNumber: 'N-7f1c2a4e', ...fields });
    expect(validateJsonSchema(schemaOf(ceType), data)).toEqual([]);
  });

  it.each([
    ['ExpiryReminderIssued', { type: 'ExpiryReminderIssued', data: { authorizationId: AUTH, daysAhead: 7, validUntil: TERMS.validUntil } }, NoticeTypes.expiring, { daysAhead: 7 }],
    ['AuthorizationExpired', { type: 'AuthorizationExpired', data: { authorizationId: AUTH, validUntil: TERMS.validUntil, expiredAt: TERMS.validUntil, previousStatus: 'active' } }, NoticeTypes.expired, { expiredAt: TERMS.validUntil }],
    ['AuthorizationCompleted', { type: 'AuthorizationCompleted', data: { authorizationId: AUTH, completedBy: 'E1', note: null, completedAt: '2026-02-01T00:00:00.000Z' } }, NoticeTypes.completed, { completedBy: 'E1', note: null }],
  ] as const)('maps %s to its type with the terms in force', (_name, event, ceType, fields) => {
    const data = JSON.parse(toNoticeMessage(recorded(event, 6), context())?.value ?? 'null') as Record<string, unknown>;
    expect(data).toMatchObject({ ...fields, validity: { validUntil: TERMS.validUntil } });
    expect(validateJsonSchema(schemaOf(ceType), data)).toEqual([]);
  });

  it('falls back to the recorded time when the event has no occurredAt', () => {
    const event = { ...recorded(eventOf('NoticeIssued'), 2), metadata: {} };
    expect(toNoticeMessage(event, context())?.headers['ce_time']).toBe('2026-01-05T00:00:00.000Z');
  });

  it('produces nothing for events that are not notices, nor for the expiry of an application never notified', () => {
    expect(toNoticeMessage(recorded(eventOf('AuthorizationApplied')), context())).toBeNull();
    expect(toNoticeMessage(recorded(eventOf('ManagerApproved'), 1), context())).toBeNull();
    const expired = { type: 'AuthorizationExpired', data: { authorizationId: AUTH, validUntil: TERMS.validUntil, expiredAt: TERMS.validUntil, previousStatus: 'pending_approval' } };
    expect(toNoticeMessage(recorded(expired, 2), context({ lastNotice: null, noticeInForce: null }))).toBeNull();
  });

  it('refuses (never skips) a revocation of an authorization that has no notice', () => {
    expect(() => toNoticeMessage(recorded(eventOf('AuthorizationRevoked'), 4), context({ lastNotice: null, noticeInForce: null }))).toThrow(NoticeMappingError);
  });

  it('refuses a context of another authorization', () => {
    expect(() => toNoticeMessage(recorded(eventOf('NoticeIssued'), 2), context({ authorizationId: 'other' }))).toThrow(NoticeMappingError);
  });
});

import { employee, left, people } from '../testing/fixtures.js';
import type { ConcludeReport, FileReport, ReportCommand } from './supervision.commands.js';
import type { ReportEvent } from './supervision.events.js';
import { reportDecider, type ReportStreamEvent } from './report.decider.js';
import { supervisionSpec } from '../testing/supervision-fixtures.js';

const { given } = supervisionSpec(reportDecider);
const { agent, agent2, supervisor, manager, manager2 } = people;
const otherSupervisor = employee('S2', 'supervisor', 'M1');

const file = (data: Partial<FileReport['data']> = {}): ReportCommand => ({
  type: 'FileReport',
  data: { reportId: 'R1', filer: { kind: 'employee', employee: agent2 }, subject: agent, authorization: null, category: 'out_of_scope', description: 'issued 5000 CNY', reporter: { kind: 'employee' }, ...data },
});
const investigate = (actor = supervisor, subject = agent): ReportCommand => ({ type: 'StartInvestigation', data: { actor, subject } });
const conclude = (data: Partial<ConcludeReport['data']> = {}): ReportCommand => ({
  type: 'ConcludeReport',
  data: { actor: supervisor, finding: 'substantiated', summary: 'confirmed', actions: [{ type: 'revoke', authorizationId: 'A1' }, { type: 'warning' }], grantees: { A1: 'E1' }, now: '2026-12-01T00:00:00.000Z', ...data },
});
const notify = (actor = supervisor, message = 'thank you, acted upon'): ReportCommand => ({ type: 'NotifyReporter', data: { actor, message } });

const reported: ReportEvent = {
  type: 'ViolationReported',
  data: { reportId: 'R1', subjectEmployeeId: 'E1', authorizationId: null, category: 'out_of_scope', description: 'issued 5000 CNY', reporter: { kind: 'employee', employeeId: 'E2' }, reportedBy: 'E2' },
};
const started: ReportEvent = { type: 'InvestigationStarted', data: { reportId: 'R1', investigatorId: 'S1' } };
const concluded: ReportEvent = {
  type: 'ReportConcluded',
  data: { reportId: 'R1', investigatorId: 'S1', finding: 'substantiated', summary: 'confirmed', actions: [{ type: 'revoke', authorizationId: 'A1' }, { type: 'warning' }] },
};

describe('report decider', () => {
  describe('when nothing was filed', () => {
    it('files an employee report naming the reporter', () => given([]).when(file()).then([reported]));
    it('files a service report on behalf of a customer, with the contact', () =>
      given([]).when(file({ filer: { kind: 'service', id: 'svc:crm' }, reporter: { kind: 'customer', contact: 'c@example.com' } })).then([
        { type: 'ViolationReported', data: { ...reported.data, reporter: { kind: 'customer', contact: 'c@example.com' }, reportedBy: 'svc:crm' } } as ReportEvent,
      ]));
    it('refuses a service claiming an employee reporter', () =>
      given([]).when(file({ filer: { kind: 'service', id: 'svc:crm' } })).thenThrows('REPORTER_INVALID'));
    it("refuses an authorization that is not the subject's", () =>
      given([]).when(file({ authorization: { id: 'A9', applicantId: 'E2' } })).thenThrows('AUTHORIZATION_NOT_OF_SUBJECT'));
    it('refuses an empty description', () => given([]).when(file({ description: '  ' })).thenThrows('REASON_REQUIRED'));
    it('refuses a filer who has left', () => given([]).when(file({ filer: { kind: 'employee', employee: left(agent2) } })).thenThrows('EMPLOYEE_LEFT'));
    it('refuses an investigation', () => given([]).when(investigate()).thenThrows('INVALID_TRANSITION'));
  });

  describe('when filed', () => {
    it("starts the investigation by the subject's superior", () => given([reported]).when(investigate()).then([started]));
    it('starts it by any manager', () =>
      given([reported]).when(investigate(manager2)).then([{ type: 'InvestigationStarted', data: { reportId: 'R1', investigatorId: 'M2' } }]));
    it('refuses the subject investigating a report about themself', () => given([reported]).when(investigate(agent)).thenThrows('SEPARATION_OF_DUTIES'));
    it('refuses the reporter, even as a manager', () =>
      given([{ ...reported, data: { ...reported.data, reporter: { kind: 'employee', employeeId: 'M1' }, reportedBy: 'M1' } }])
        .when(investigate(manager))
        .thenThrows('SEPARATION_OF_DUTIES'));
    it("refuses another team's supervisor", () => given([reported]).when(investigate(otherSupervisor)).thenThrows('NOT_SUPERIOR_OR_MANAGER'));
    it('refuses a conclusion before the investigation', () => given([reported]).when(conclude()).thenThrows('INVALID_TRANSITION'));
    it('refuses a second filing under the same id', () => given([reported]).when(file()).thenThrows('ALREADY_EXISTS'));
  });

  describe('when under investigation', () => {
    it('concludes by the investigator, with the actions and the warning they decide', () =>
      given([reported, started]).when(conclude()).then([
        concluded,
        { type: 'WarningRecorded', data: { employeeId: 'E1', reason: 'confirmed', recordedBy: 'S1', source: { kind: 'report', id: 'R1' } } },
      ]));
    it('assigns each training action once, due in 30 days', () =>
      given([reported, started])
        .when(conclude({ actions: [{ type: 'training', course: 'privacy-basics' }, { type: 'training', course: 'privacy-basics' }] }))
        .then([
          { type: 'ReportConcluded', data: { ...concluded.data, actions: [{ type: 'training', course: 'privacy-basics' }, { type: 'training', course: 'privacy-basics' }] } } as ReportStreamEvent,
          { type: 'TrainingAssigned', data: { employeeId: 'E1', course: 'privacy-basics', dueAt: '2026-12-31T00:00:00.000Z', assignedBy: 'S1', source: { kind: 'report', id: 'R1' } } },
        ]));
    it('decides no consequence for a dismissed report', () =>
      given([reported, started]).when(conclude({ finding: 'dismissed', actions: [] })).then([
        { type: 'ReportConcluded', data: { ...concluded.data, finding: 'dismissed', actions: [] } } as ReportStreamEvent,
      ]));
    it('refuses anyone else, even a manager', () => given([reported, started]).when(conclude({ actor: manager })).thenThrows('NOT_INVESTIGATOR'));
    it('refuses a dismissal with actions', () =>
      given([reported, started]).when(conclude({ finding: 'dismissed', actions: [{ type: 'warning' }] })).thenThrows('ACTIONS_INVALID'));
    it("refuses revoking a grant that is not the subject's", () =>
      given([reported, started]).when(conclude({ grantees: { A1: 'E2' } })).thenThrows('AUTHORIZATION_NOT_OF_SUBJECT'));
    it('refuses an empty summary', () => given([reported, started]).when(conclude({ summary: '' })).thenThrows('REASON_REQUIRED'));
    it('refuses feedback before the conclusion', () => given([reported, started]).when(notify()).thenThrows('INVALID_TRANSITION'));
  });

  describe('when concluded', () => {
    it('feeds the result back to the reporter, by the investigator', () =>
      given([reported, started, concluded]).when(notify()).then([{ type: 'ReporterNotified', data: { reportId: 'R1', message: 'thank you, acted upon', notifiedBy: 'S1' } }]));
    it('refuses feedback by anyone else', () => given([reported, started, concluded]).when(notify(manager)).thenThrows('NOT_INVESTIGATOR'));
    it('refuses a second conclusion', () => given([reported, started, concluded]).when(conclude()).thenThrows('INVALID_TRANSITION'));
  });

  describe('when the reporter was told', () => {
    const notified: ReportEvent = { type: 'ReporterNotified', data: { reportId: 'R1', message: 'done', notifiedBy: 'S1' } };
    it('refuses feedback a second time', () => given([reported, started, concluded, notified]).when(notify()).thenThrows('INVALID_TRANSITION'));
  });
});

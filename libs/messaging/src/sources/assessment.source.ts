/**
 * `assessment-{employeeId}-{period}`: the consequences HR applies (commendation, promotion, raise,
 * fine, demotion, dismissal; SPEC §11), keyed by the employee so one person's messages stay in
 * order. The notes stay inside the service; an assessment without such a consequence sends nothing.
 */
import { assessmentStreamEvents } from '../../../domain/src/codec/event-codec.js';
import { HR_CONSEQUENCES, HR_DEPARTMENTS, NoticeTypes, type AssessmentRecordedData, type HrConsequence } from '../../../contracts/src/index.js';
import type { NoticeSource } from '../notice-source.js';
import { cloudEventHeaders, NoticeMappingError, occurredAt } from '../to-notice-message.js';

const isHrConsequence = (consequence: string): consequence is HrConsequence => (HR_CONSEQUENCES as readonly string[]).includes(consequence);

export const assessmentSource: NoticeSource<null> = {
  category: 'assessment',
  types: [NoticeTypes.assessmentRecorded],
  publishes: (type) => type === 'AssessmentRecorded',
  initial: null,
  // The assessment event states everything its message says.
  evolve: () => null,
  async map(event, _context, lookups) {
    const recorded = assessmentStreamEvents.decode(event);
    if (recorded?.type !== 'AssessmentRecorded') throw new NoticeMappingError(event.id, `${event.type} not readable by this version`);
    const { employeeId, period, result, consequences, assessorId } = recorded.data;
    const forHr = [...new Set(consequences.filter(isHrConsequence))];
    if (forHr.length === 0) return null;
    const employee = await lookups.employeeAt(employeeId, event);
    if (!employee) throw new NoticeMappingError(event.id, `employee ${employeeId} is not in the directory`);
    const data: AssessmentRecordedData = {
      employee: { id: employee.id, name: employee.name, role: employee.role, team: employee.team },
      period,
      result,
      consequences: forHr,
      assessorId,
      recordedAt: occurredAt(event),
    };
    return {
      key: employeeId,
      value: JSON.stringify(data),
      headers: cloudEventHeaders(event, { type: NoticeTypes.assessmentRecorded, subject: employeeId, departments: HR_DEPARTMENTS, source: lookups.source }),
    };
  },
};

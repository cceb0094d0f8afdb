/** An inspection (`inspection-{id}`), periodic or spot, recorded once by the employee's superior or a manager. */
import type { Decider } from '../decider.js';
import type { RecordInspection } from './supervision.commands.js';
import { SupervisionError } from './supervision-errors.js';
import { alreadyExists, ensureActive, ensurePeriod, ensureSuperiorOrManager } from './supervision-rules.js';
import type { InspectionEvent, InspectionRecorded } from './supervision.events.js';
import { inspectionEvents } from '../codec/event-codec.js';

export type InspectionState = { readonly status: 'none' } | { readonly status: 'recorded'; readonly inspection: InspectionRecorded['data'] };

export const initialState = (): InspectionState => ({ status: 'none' });

export const evolve = (_state: InspectionState, event: InspectionEvent): InspectionState => ({ status: 'recorded', inspection: event.data });

export function decide(command: RecordInspection, state: InspectionState): InspectionEvent[] {
  if (state.status !== 'none') throw alreadyExists(`inspection ${command.data.inspectionId}`);
  const { inspectionId, inspector, employee, kind, period, findings, compliant, authorizationIds } = command.data;
  ensureActive(inspector);
  ensureSuperiorOrManager(inspector, employee, 'inspects');
  if (period !== null) ensurePeriod(period);
  if (kind === 'periodic' && period === null) throw new SupervisionError('PERIOD_INVALID', 'a periodic inspection names its period');
  return [
    {
      type: 'InspectionRecorded',
      data: { inspectionId, employeeId: employee.employeeId, inspectorId: inspector.employeeId, kind, period, findings, compliant, authorizationIds: [...authorizationIds] },
    },
  ];
}

export const inspectionDecider: Decider<RecordInspection, InspectionEvent, InspectionState> = { initialState, evolve, decide, codec: inspectionEvents };

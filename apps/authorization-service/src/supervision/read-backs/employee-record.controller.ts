import { Controller, Get, Headers, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import { type AuthorizationSummary, ReadModelQueries } from '../../../../../libs/read-models/src/index.js';
import type { AssessmentDoc, ReportDoc, TrainingDoc, WarningDoc } from '../../../../../libs/read-models/src/records/record-kinds.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { EmployeeIdPipe } from '../../directory/employee-id.pipe.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { consistencyToken, ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { ReadAccess } from '../../queries/read-access.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { EMPLOYEE_RECORD } from './read-back.schemas.js';
import { deny, RecordReaders } from './record-readers.js';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const IN_FORCE = new Set(['active', 'pending_review', 'pending_approval', 'pending_final_approval', 'pending_notice', 'pending_acknowledgement']);

/**
 * A substantiated violation as the record shows it: what was found and when, never who reported or
 * filed it (SPEC §10: an employee reporter is known to the investigator and compliance only, and the
 * record is read by its subject and their superior too).
 */
export type RecordedViolation = Pick<ReportDoc, 'id' | 'subjectEmployeeId' | 'status' | 'investigatorId' | 'filedAt' | 'finding' | 'concludedAt'>;

const violationOf = ({ id, subjectEmployeeId, status, investigatorId, filedAt, finding, concludedAt }: ReportDoc): RecordedViolation => ({ id, subjectEmployeeId, status, investigatorId, filedAt, finding, concludedAt });

export interface EmployeeRecord {
  readonly employeeId: string;
  readonly grants: readonly AuthorizationSummary[];
  readonly trainings: readonly TrainingDoc[];
  readonly warnings: readonly WarningDoc[];
  readonly substantiatedViolations: readonly RecordedViolation[];
  readonly lastAssessment: AssessmentDoc | null;
}

/** The context a reviewer needs (SPEC §11): grants in force and ended in 12 months, trainings, warnings, violations, last assessment. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1/employees')
export class EmployeeRecordController {
  constructor(
    private readonly consistency: ReadModelConsistency,
    private readonly readers: RecordReaders,
    private readonly authorizations: ReadModelQueries,
    private readonly access: ReadAccess,
  ) {}

  @Get(':id/record')
  @ApiOperation({ summary: "An employee's record (the employee, their superior, managers, compliance; their stand-ins while they stand in)" })
  @ApiAnswers({ status: 200, description: 'The record', schema: EMPLOYEE_RECORD }, 403, 404)
  @ApiConsistencyToken()
  async record(@CurrentPrincipal() principal: Principal, @Param('id', EmployeeIdPipe) id: string, @Headers('x-consistency-token') token?: string): Promise<EmployeeRecord> {
    const reader = await this.readers.employee(principal, 'employee records');
    const subject = await this.readers.directory.snapshot(id);
    if (subject === null) throw new NotFoundError('employee', id);
    // Managers and compliance, the employee, their superior; and, while they stand in (代理人), the stand-in of one who reads it so.
    const readsByDuty = (person: EmployeeSnapshot): boolean => this.readers.scopeOf(person).kind === 'all' || subject.reportsTo === person.employeeId;
    if (reader.employeeId !== id && !readsByDuty(reader) && !(await this.access.standingInFor(reader)).some(readsByDuty)) throw deny(`${id}'s record`);
    // The records and the authorizations read model, each as far as the token (the grants come from the latter).
    const queries = await this.consistency.recordsAt(token);
    await this.consistency.waitFor(consistencyToken(token));
    const since = new Date(Date.now() - YEAR_MS).toISOString();
    const grants: AuthorizationSummary[] = [];
    for (let cursor: string | null | undefined; cursor !== null; ) {
      const page = await this.authorizations.listAuthorizations({ employeeId: id, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      grants.push(...page.items.filter((row) => IN_FORCE.has(row.status) || row.updatedAt >= since));
      cursor = page.nextCursor;
    }
    return {
      employeeId: id,
      grants,
      trainings: await queries.trainingsOf(id),
      warnings: await queries.warningsOf(id),
      substantiatedViolations: (await queries.substantiatedReportsOf(id, since)).map(violationOf),
      lastAssessment: await queries.lastAssessmentOf(id),
    };
  }
}

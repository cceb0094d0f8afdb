import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Page } from '../../../../../libs/read-models/src/index.js';
import type { AssessmentDoc, EscalationDoc, InspectionDoc, SuggestionDoc } from '../../../../../libs/read-models/src/records/record-kinds.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { SupervisionIdPipe } from '../supervision-id.pipe.js';
import { ListAssessmentsQuery, ListEscalationsQuery, ListInspectionsQuery } from './read-back.dto.js';
import { ASSESSMENT_DOC, ESCALATION_DOC, INSPECTION_DOC, pageOfDocs } from './read-back.schemas.js';
import { deny, RecordReaders } from './record-readers.js';

const page = (query: { cursor?: string; limit?: string }) => ({ ...(query.cursor === undefined ? {} : { cursor: query.cursor }), ...(query.limit === undefined ? {} : { limit: Number(query.limit) }) });

/** Escalations, assessments and inspections read back (SPEC §11): lists scoped to the reader, 403 for a record beyond it. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller('v1')
export class ReadBacksController {
  constructor(
    private readonly consistency: ReadModelConsistency,
    private readonly readers: RecordReaders,
  ) {}

  @Get('escalations')
  @ApiOperation({ summary: 'Escalations: the raiser their own, their superior (then or now), managers and compliance all' })
  @ApiAnswers({ status: 200, description: 'A page of escalations, oldest first', schema: pageOfDocs(ESCALATION_DOC) }, 403)
  @ApiConsistencyToken()
  async escalations(@CurrentPrincipal() principal: Principal, @Query() query: ListEscalationsQuery, @Headers('x-consistency-token') token?: string): Promise<Page<EscalationDoc>> {
    const reader = await this.readers.employee(principal, 'escalations');
    const queries = await this.consistency.recordsAt(token);
    return queries.listEscalations(this.readers.scopeOf(reader), { ...page(query), ...(query.employeeId === undefined ? {} : { employeeId: query.employeeId }), ...(query.status === undefined ? {} : { status: query.status }) });
  }

  @Get('escalations/:id')
  @ApiOperation({ summary: 'An escalation with its resolution (the raiser, their superior then or now, managers, compliance)' })
  @ApiAnswers({ status: 200, description: 'The escalation', schema: ESCALATION_DOC }, 403, 404)
  @ApiConsistencyToken()
  async escalation(@CurrentPrincipal() principal: Principal, @Param('id', SupervisionIdPipe) id: string, @Headers('x-consistency-token') token?: string): Promise<EscalationDoc> {
    const reader = await this.readers.employee(principal, 'escalations');
    const escalation = await (await this.consistency.recordsAt(token)).getEscalation(id);
    if (escalation === null) throw new NotFoundError('escalation', id);
    const mine = escalation.employeeId === reader.employeeId || escalation.superiorId === reader.employeeId;
    if (this.readers.scopeOf(reader).kind !== 'all' && !mine && !(await this.readers.superiorOf(reader, escalation.employeeId))) throw deny('this escalation');
    return escalation;
  }

  @Get('assessments')
  @ApiOperation({ summary: 'Assessments: the employee their own, the superior their team’s, managers and compliance all' })
  @ApiAnswers({ status: 200, description: 'A page of assessments', schema: pageOfDocs(ASSESSMENT_DOC) }, 403)
  @ApiConsistencyToken()
  async assessments(@CurrentPrincipal() principal: Principal, @Query() query: ListAssessmentsQuery, @Headers('x-consistency-token') token?: string): Promise<Page<AssessmentDoc>> {
    const reader = await this.readers.employee(principal, 'assessments');
    const queries = await this.consistency.recordsAt(token);
    return queries.listAssessments(this.readers.scopeOf(reader), { ...page(query), ...(query.employeeId === undefined ? {} : { employeeId: query.employeeId }), ...(query.period === undefined ? {} : { period: query.period }) });
  }

  @Get('inspections')
  @ApiOperation({ summary: 'Inspections: the employee inspected, their superior, managers and compliance' })
  @ApiAnswers({ status: 200, description: 'A page of inspections', schema: pageOfDocs(INSPECTION_DOC) }, 403)
  @ApiConsistencyToken()
  async inspections(@CurrentPrincipal() principal: Principal, @Query() query: ListInspectionsQuery, @Headers('x-consistency-token') token?: string): Promise<Page<InspectionDoc>> {
    const reader = await this.readers.employee(principal, 'inspections');
    const queries = await this.consistency.recordsAt(token);
    return queries.listInspections(this.readers.scopeOf(reader), {
      ...page(query),
      ...(query.employeeId === undefined ? {} : { employeeId: query.employeeId }),
      ...(query.team === undefined ? {} : { team: query.team }),
      ...(query.period === undefined ? {} : { period: query.period }),
      ...(query.compliant === undefined ? {} : { compliant: query.compliant === 'true' }),
    });
  }
}

export type { SuggestionDoc };

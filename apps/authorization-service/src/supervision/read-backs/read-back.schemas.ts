/** OpenAPI schemas of the read-backs (SPEC §11). Documents carry the fields below and may carry more. */
type Schema = Readonly<Record<string, unknown>>;
const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;
const doc = (required: readonly string[], properties: Record<string, unknown>): Schema => ({ type: 'object', required: ['id', ...required], properties: { id: string, ...properties }, additionalProperties: true });
export const pageOfDocs = (item: Schema): Schema => ({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: item }, nextCursor: nullableString } });

const CONTEXT = { type: 'object', nullable: true, description: 'The check context the problem arose in', properties: { amount: { type: 'number' }, channel: string } } as const;

export const ESCALATION_DOC = doc(['employeeId', 'superiorId', 'authority', 'context', 'summary', 'raisedAt', 'status', 'resolution'], {
  employeeId: string,
  superiorId: nullableString,
  authority: string,
  context: CONTEXT,
  summary: string,
  raisedAt: string,
  status: { type: 'string', enum: ['open', 'resolved'] },
  resolution: { type: 'object', nullable: true, required: ['resolvedBy', 'resolution', 'resolvedAt'], properties: { resolvedBy: string, resolution: string, resolvedAt: string } },
});

export const SUGGESTION_DOC = doc(['text', 'anonymous', 'submittedAt', 'status'], {
  text: string,
  anonymous: { type: 'boolean' },
  submittedBy: nullableString,
  submittedAt: string,
  status: { type: 'string', enum: ['open', 'answered'] },
  answer: { type: 'object', nullable: true, required: ['response', 'adopted', 'answeredBy', 'answeredAt'], properties: { response: string, adopted: { type: 'boolean' }, answeredBy: string, answeredAt: string } },
});

export const ASSESSMENT_DOC = doc(['employeeId', 'period', 'teamworkScore', 'result', 'consequences', 'notes', 'assessorId', 'recordedAt'], {
  employeeId: string,
  period: string,
  teamworkScore: { type: 'integer', minimum: 1, maximum: 5 },
  result: { type: 'string', enum: ['excellent', 'satisfactory', 'needs_improvement', 'unsatisfactory'] },
  consequences: { type: 'array', items: { type: 'string', enum: ['commendation', 'promotion', 'raise', 'warning', 'fine', 'demotion', 'dismissal', 'training'] } },
  notes: string,
  assessorId: string,
  recordedAt: string,
});

export const INSPECTION_DOC = doc(['inspectionId', 'employeeId', 'inspectorId', 'kind', 'period', 'findings', 'compliant', 'authorizationIds', 'recordedAt'], {
  inspectionId: string,
  employeeId: string,
  inspectorId: string,
  kind: { type: 'string', enum: ['periodic', 'spot'] },
  period: nullableString,
  findings: string,
  compliant: { type: 'boolean' },
  authorizationIds: { type: 'array', items: string },
  recordedAt: string,
});

export const EMPLOYEE_RECORD: Schema = {
  type: 'object',
  required: ['employeeId', 'grants', 'trainings', 'warnings', 'substantiatedViolations', 'lastAssessment'],
  properties: {
    employeeId: string,
    grants: { type: 'array', items: { type: 'object', additionalProperties: true } },
    trainings: { type: 'array', items: { type: 'object', additionalProperties: true } },
    warnings: { type: 'array', items: { type: 'object', additionalProperties: true } },
    substantiatedViolations: { type: 'array', items: { type: 'object', additionalProperties: true } },
    lastAssessment: { ...ASSESSMENT_DOC, nullable: true },
  },
};

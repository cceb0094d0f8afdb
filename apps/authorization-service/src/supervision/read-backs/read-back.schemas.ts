/** OpenAPI schemas of the read-backs (SPEC §11). Documents carry the fields below and may carry more. */
type Schema = Readonly<Record<string, unknown>>;
const string = { type: 'string' } as const;
const nullableString = { type: 'string', nullable: true } as const;
const doc = (required: readonly string[], properties: Record<string, unknown>): Schema => ({ type: 'object', required: ['id', ...required], properties: { id: string, ...properties }, additionalProperties: true });
export const pageOfDocs = (item: Schema): Schema => ({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: item }, nextCursor: nullableString } });

export const ESCALATION_DOC = doc(['employeeId', 'authority', 'summary', 'raisedAt', 'status'], {
  employeeId: string,
  superiorId: nullableString,
  authority: string,
  summary: string,
  raisedAt: string,
  status: { type: 'string', enum: ['open', 'resolved'] },
  resolution: { type: 'object', nullable: true, properties: { resolvedBy: string, resolution: string, resolvedAt: string } },
});

export const SUGGESTION_DOC = doc(['text', 'anonymous', 'submittedAt', 'status'], {
  text: string,
  anonymous: { type: 'boolean' },
  submittedBy: nullableString,
  submittedAt: string,
  status: { type: 'string', enum: ['open', 'answered'] },
  answer: { type: 'object', nullable: true, properties: { response: string, adopted: { type: 'boolean' }, answeredBy: string, answeredAt: string } },
});

export const ASSESSMENT_DOC = doc(['employeeId', 'period', 'result'], { employeeId: string, period: string, teamworkScore: { type: 'integer' }, result: string, consequences: { type: 'array', items: string }, notes: string, assessorId: string, recordedAt: string });

export const INSPECTION_DOC = doc(['employeeId', 'kind', 'compliant'], { employeeId: string, inspectorId: string, kind: string, period: nullableString, findings: string, compliant: { type: 'boolean' }, recordedAt: string });

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

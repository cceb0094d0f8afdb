/** OpenAPI schema of a report as its reporter reads it (SPEC §11). */
export const REPORTER_REPORT: Readonly<Record<string, unknown>> = {
  type: 'object',
  required: ['id', 'status', 'subjectEmployeeId', 'category', 'finding', 'feedback', 'position'],
  properties: {
    id: { type: 'string' },
    status: { type: 'string', enum: ['filed', 'investigating', 'concluded', 'notified'] },
    subjectEmployeeId: { type: 'string' },
    category: { type: 'string' },
    filedAt: { type: 'string', nullable: true },
    finding: { type: 'string', nullable: true, enum: ['substantiated', 'dismissed', null] },
    feedback: { type: 'object', nullable: true, required: ['message'], properties: { message: { type: 'string' } } },
    position: { type: 'string' },
  },
  additionalProperties: false,
};

/** One of the caller's own reports in `GET /v1/reports?filedBy=me`: what `GET /v1/reports/{id}` shows its reporter, without a position. */
export const REPORTER_REPORT_ITEM: Readonly<Record<string, unknown>> = {
  type: 'object',
  required: ['id', 'status', 'subjectEmployeeId', 'category', 'filedAt', 'finding', 'feedback'],
  properties: Object.fromEntries(Object.entries(REPORTER_REPORT['properties'] as Record<string, unknown>).filter(([name]) => name !== 'position')),
  additionalProperties: false,
};

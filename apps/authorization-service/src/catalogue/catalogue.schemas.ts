/** OpenAPI schemas of the catalogue area's answers. */
type Schema = Readonly<Record<string, unknown>>;

const string = { type: 'string' } as const;
const names: Schema = { type: 'object', required: ['zh-Hant', 'en'], properties: { 'zh-Hant': string, en: string } };
const strings = { type: 'array', items: string } as const;

export const CATALOGUE: Schema = {
  type: 'object',
  required: ['version', 'roles', 'authorities', 'matters', 'departments'],
  properties: {
    version: { ...string, example: 'sha256:…' },
    roles: {
      type: 'array',
      items: { type: 'object', required: ['id', 'names', 'authorities'], properties: { id: string, names: { ...names, nullable: true }, authorities: strings } },
    },
    authorities: {
      type: 'array',
      items: { type: 'object', required: ['id', 'names', 'baselineRoles', 'grantable'], properties: { id: string, names, baselineRoles: strings, grantable: { type: 'boolean' } } },
    },
    matters: {
      type: 'array',
      items: {
        type: 'object',
        description: 'Every field of the catalogue entry (copy rules and due hours where the catalogue has them), plus the final-approval rule in words',
        required: ['id', 'names', 'eligibleRoles', 'scope', 'maxValidityDays', 'finalApproval', 'trainingRequired', 'scopeFields', 'finalApprovalRule'],
        properties: {
          id: string,
          names,
          eligibleRoles: strings,
          scope: { type: 'object', additionalProperties: true },
          maxValidityDays: { type: 'integer' },
          finalApproval: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['never', 'always', 'maxAmountAbove'] }, threshold: { type: 'integer' } } },
          trainingRequired: strings,
          scopeFields: strings,
          finalApprovalRule: { ...string, example: 'maxAmount > 2000' },
          stageDueHours: { type: 'number', description: 'Hours a workflow stage may stay open: a reminder then, escalation at twice (default 48)' },
        },
        additionalProperties: true,
      },
    },
    departments: {
      type: 'array',
      description: "The departments notices are copied to (copies' slugs), with their names in both languages, in the catalogue's order; a slug not listed has no names",
      items: { type: 'object', required: ['id', 'names'], properties: { id: { ...string, example: 'finance' }, names } },
    },
  },
};

export const CATALOGUE_VERSIONS: Schema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['policyVersion', 'firstUsedAt', 'current'],
        properties: { policyVersion: string, firstUsedAt: { type: 'string', nullable: true }, current: { type: 'boolean' } },
      },
    },
    nextCursor: { type: 'string', nullable: true },
  },
};

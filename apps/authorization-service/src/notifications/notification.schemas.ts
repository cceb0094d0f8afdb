/** The answers of the notification routes, for the OpenAPI document. */
type Schema = Readonly<Record<string, unknown>>;

const string = { type: 'string' } as const;

export const NOTIFICATION: Schema = {
  type: 'object',
  required: ['id', 'kind', 'subjectId', 'title', 'body', 'createdAt', 'readAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    kind: string,
    subjectId: string,
    authorizationId: string,
    title: string,
    body: string,
    createdAt: { type: 'string', description: 'ISO-8601 instant' },
    readAt: { type: 'string', nullable: true },
  },
};

export const FAILED_NOTIFICATION: Schema = {
  type: 'object',
  required: ['notificationId', 'employeeId', 'kind', 'channel', 'attempts', 'createdAt', 'failedAt'],
  properties: {
    notificationId: string,
    employeeId: string,
    kind: string,
    channel: { type: 'string', enum: ['email', 'webhook'] },
    attempts: { type: 'integer' },
    lastError: { type: 'string', nullable: true },
    createdAt: string,
    failedAt: string,
  },
};

export const NOTIFICATION_SETTINGS: Schema = {
  type: 'object',
  required: ['email', 'webhook', 'language'],
  properties: { email: { type: 'string', nullable: true }, webhook: { type: 'boolean' }, language: { type: 'string', enum: ['zh-Hant', 'en'] } },
};

/**
 * Codes of broken supervision rules that the shared `DOMAIN_ERROR_CODES` does not have. Kept apart so
 * the shared contract stays untouched; the HTTP layer maps them with `SUPERVISION_ERROR_CODES`.
 * Rules that fit an existing code (NOT_SUPERIOR_OR_MANAGER, ROLE_REQUIRED, ...) throw `DomainError`.
 */
export const SUPERVISION_ERROR_CODES = {
  /** 403: only the investigator concludes a report and answers the reporter. */
  NOT_INVESTIGATOR: 403,
  /** 400: a period is `YYYY-MM` or `YYYY-Qn`. */
  PERIOD_INVALID: 400,
  /** 400: scores are integers 1..5. */
  SCORE_INVALID: 400,
  /** 422: services file reports on behalf of customers only; an employee reporter is the filer. */
  REPORTER_INVALID: 422,
  /** 422: a report or a revoke action names an authorization that is not the subject's. */
  AUTHORIZATION_NOT_OF_SUBJECT: 422,
  /** 422: a dismissed report carries no actions. */
  ACTIONS_INVALID: 422,
  /** 422: a training plan's year, a course planned twice, a session without exactly one lecturer. */
  PLAN_INVALID: 422,
  /** 404: no such session in the year's plan. */
  SESSION_UNKNOWN: 404,
  /** 404: no such action item of the meeting. */
  ACTION_UNKNOWN: 404,
  /** 403: an action item is completed by its owner or the meeting's recorder. */
  NOT_OWNER_OR_RECORDER: 403,
} as const;

export type SupervisionErrorCode = keyof typeof SUPERVISION_ERROR_CODES;

export class SupervisionError extends Error {
  override readonly name = 'SupervisionError';
  readonly status: number;
  constructor(
    readonly code: SupervisionErrorCode,
    message: string,
  ) {
    super(message);
    this.status = SUPERVISION_ERROR_CODES[code];
  }
}

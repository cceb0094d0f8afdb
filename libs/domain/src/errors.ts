/** Stable codes of broken domain rules, mapped once to HTTP problem+json at the edge. */
export const DOMAIN_ERROR_CODES = {
  // 403: wrong person
  SEPARATION_OF_DUTIES: 403,
  NOT_REVIEWER: 403,
  NOT_APPLICANT: 403,
  NOT_GRANTEE: 403,
  ROLE_REQUIRED: 403,
  NOT_SUPERIOR_OR_MANAGER: 403,
  EMPLOYEE_LEFT: 403,
  NOT_SELF_OR_SUPERIOR: 403,
  // 409: wrong state
  INVALID_TRANSITION: 409,
  CHANGE_PENDING: 409,
  ALREADY_EXISTS: 409,
  // 422: policy
  UNKNOWN_MATTER: 422,
  MATTER_NOT_ELIGIBLE: 422,
  SCOPE_INVALID: 422,
  VALIDITY_INVALID: 422,
  VALIDITY_TOO_LONG: 422,
  VALIDITY_ENDED: 422,
  TRAINING_REQUIRED: 422,
  REASON_REQUIRED: 422,
  OPINION_REQUIRED: 422,
  REPORTS_TO_INVALID: 422,
  STAND_IN_NOT_ELIGIBLE: 422,
  STAND_IN_PERIOD_INVALID: 422,
  NOTE_REQUIRED: 422,
  DUE_AT_INVALID: 422,
  COPY_REQUIRED: 422,
  DEPARTMENT_INVALID: 422,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

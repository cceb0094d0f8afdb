/** An RFC 9457 problem the API answered, kept whole so forms can show its text beside the field it names. */
export interface ProblemBody {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Where a policy refusal without per-field `errors` belongs on a form: the field the code is about.
 * Codes are the API's stable contract (SPEC §5); their text always comes from the server.
 */
const FIELD_OF_CODE: Readonly<Record<string, string>> = {
  VALIDITY_TOO_LONG: 'validUntil',
  VALIDITY_ENDED: 'validUntil',
  SCOPE_INVALID: 'scope',
  MATTER_NOT_ELIGIBLE: 'matter',
  UNKNOWN_MATTER: 'matter',
  TRAINING_REQUIRED: 'matter',
  COPY_REQUIRED: 'copiesTo',
};

export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
  ) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
  }

  get code(): string | undefined {
    return this.body.code;
  }

  /** Field path (`scope.maxAmount`) → the server's messages for it. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [field, messages] of Object.entries(this.body.errors ?? {})) out[field] = messages.join('; ');
    const field = this.code ? FIELD_OF_CODE[this.code] : undefined;
    if (field && Object.keys(out).length === 0) out[field] = this.message;
    return out;
  }
}

export const isProblem = (error: unknown): error is ApiProblem => error instanceof ApiProblem;

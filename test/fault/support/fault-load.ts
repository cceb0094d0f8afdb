/**
 * Load of the fault suites: writers sending applications (with or without Idempotency-Key) and a
 * service asking checks, recording every answer (status, code, Retry-After). A keyed command that
 * gets no answer or a 503 is retried with the same key and body — what a client is told to do —
 * until it gets a 2xx or a refusal; every 2xx is recorded as acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { DAY, iso } from '../../support/call-center.js';
import { sleep, tokenOf } from '../../production/support/processes.js';

export interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly contentType: string;
  readonly retryAfter: string | null;
}

/** One HTTP call as `who`; no answer (refused, reset, timed out) is status 0. */
export async function send(base: string, method: 'GET' | 'POST', path: string, who: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(who === null ? {} : { authorization: `Bearer ${await tokenOf(who)}` }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    let parsed: Record<string, unknown> = { text };
    try {
      if (text.startsWith('{')) parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // keep the text
    }
    return { status: res.status, body: parsed, contentType: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after') };
  } catch (error: unknown) {
    return { status: 0, body: { error: error instanceof Error ? error.message : String(error) }, contentType: '', retryAfter: null };
  }
}

export const APPLICANTS = ['E101', 'E102', 'E201'] as const;

export const applicationBody = (reason: string): Record<string, unknown> => ({
  matter: 'compensation.issue',
  scope: { maxAmount: 800, channels: ['phone'] },
  reason,
  validFrom: iso(Date.now() - 60_000),
  validUntil: iso(Date.now() + 30 * DAY),
});

export interface Acked {
  readonly id: string;
  readonly key: string | null;
  readonly applicant: string;
  readonly position: string;
}

export class FaultLoad {
  /** Every answer of a command, in arrival order. */
  readonly commandReplies: Reply[] = [];
  /** Every answer of a check. */
  readonly checkReplies: Reply[] = [];
  readonly acknowledged: Acked[] = [];
  /** Answers that were neither 2xx nor a transient failure: each is a failed promise. */
  readonly refused: { readonly key: string | null; readonly reply: Reply }[] = [];
  private stopped = false;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly base: () => string,
    private readonly options: { readonly writers: number; readonly keyed: boolean; readonly checks?: boolean },
  ) {}

  start(): this {
    const writers = Array.from({ length: this.options.writers }, (_, i) => this.writer(i));
    this.running = Promise.all([...writers, ...(this.options.checks ? [this.checker()] : [])]).then(() => undefined);
    return this;
  }

  /** Stops starting new commands; resolves once every command in flight got its final answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  /** One keyed command until it gets an answer that is not transient (bounded: a generous 120 s). */
  async keyedApplication(applicant: string, key = randomUUID()): Promise<Reply> {
    const body = applicationBody(`fault load ${key}`);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const reply = await send(this.base(), 'POST', '/v1/applications', applicant, body, { 'idempotency-key': key });
      this.commandReplies.push(reply);
      if ((reply.status !== 0 && reply.status !== 503) || Date.now() > deadline) {
        this.settle(reply, applicant, key);
        return reply;
      }
      await sleep(reply.status === 503 ? 100 : 200);
    }
  }

  private settle(reply: Reply, applicant: string, key: string | null): void {
    if (reply.status >= 200 && reply.status < 300) this.acknowledged.push({ id: String(reply.body['id']), key, applicant, position: String(reply.body['position']) });
    else if (reply.status !== 0 && reply.status !== 503) this.refused.push({ key, reply });
  }

  private async writer(index: number): Promise<void> {
    for (let n = 0; !this.stopped; n++) {
      const applicant = APPLICANTS[(index + n) % APPLICANTS.length] as string;
      if (this.options.keyed) {
        await this.keyedApplication(applicant);
        continue;
      }
      // Without a key a lost answer cannot be retried safely: it is sent once.
      const reply = await send(this.base(), 'POST', '/v1/applications', applicant, applicationBody(`fault load ${index}:${n}`));
      this.commandReplies.push(reply);
      this.settle(reply, applicant, null);
      if (reply.status === 0 || reply.status === 503) await sleep(100);
    }
  }

  private async checker(): Promise<void> {
    while (!this.stopped) {
      const reply = await send(this.base(), 'POST', '/v1/checks', 'svc:crm', { employeeId: 'E101', authority: 'compensation.issue', context: { amount: 100, channel: 'phone' } });
      this.checkReplies.push(reply);
      await sleep(50);
    }
  }
}

/** Status → count, for messages. */
export const histogram = (replies: readonly Reply[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const reply of replies) {
    const key = `${reply.status}${typeof reply.body['code'] === 'string' ? ` ${reply.body['code']}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

/** Polls `probe` every `intervalMs` until it is true; the time it took (ms), or throws after `timeoutMs`. */
export async function timeUntil(probe: () => Promise<boolean>, timeoutMs: number, intervalMs = 50): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`not true after ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/**
 * The command stream of the crash test: complete workflows (apply → review → approval → notice →
 * acknowledgement), each step sent to one replica and, when that replica does not answer (killed,
 * restarting) or answers 5xx, retried on the other with the same Idempotency-Key — what a client
 * behind a load balancer does. Every 2xx answer is recorded as acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { DAY, iso } from '../../support/call-center.js';
import { type Answer, call, sleep } from './processes.js';
import { WORKFLOW_APPLICANTS, type WorkflowApplicant, type WorkflowStep, workflowSteps } from '../../support/workflow-steps.js';

export interface Acknowledged {
  readonly id: string;
  readonly eventType: string;
  /** Index of the replica that answered 2xx. */
  readonly replica: number;
  readonly position: string;
}

const transient = (answer: Answer): boolean => answer.status === 0 || answer.status >= 500;

export class CommandStream {
  readonly acknowledged: Acknowledged[] = [];
  readonly workflows: string[] = [];
  readonly refused: { step: string; answer: Answer }[] = [];
  retries = 0;

  constructor(private readonly bases: readonly string[]) {}

  /** Sends one step, failing over between replicas for up to `timeoutMs`. */
  private async send(first: number, step: WorkflowStep, id: string, key: string, timeoutMs = 30_000): Promise<{ answer: Answer; replica: number }> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 0; ; attempt++) {
      const replica = (first + attempt) % this.bases.length;
      const answer = await call(this.bases[replica] as string, 'POST', step.path(id), step.who, step.body, { 'idempotency-key': key });
      if (!transient(answer) || Date.now() > deadline) return { answer, replica };
      this.retries++;
      await sleep(Math.min(50 * (attempt + 1), 300));
    }
  }

  /** One workflow to `active`, starting on replica `first` and alternating per step. */
  async workflow(index: number, validUntil = Date.now() + 30 * DAY): Promise<string | null> {
    const applicant = WORKFLOW_APPLICANTS[index % WORKFLOW_APPLICANTS.length] as WorkflowApplicant;
    let id = '';
    const application = { matter: 'compensation.issue', scope: { maxAmount: 800, channels: ['phone'] }, reason: 'crash test', validFrom: iso(Date.now() - 60_000), validUntil: iso(validUntil) };
    for (const [n, step] of workflowSteps(applicant, application).entries()) {
      const { answer, replica } = await this.send((index + n) % this.bases.length, step, id, randomUUID());
      if (answer.status !== step.ok) {
        this.refused.push({ step: `${index}:${step.name}:${id}`, answer });
        return null;
      }
      if (n === 0) {
        id = String(answer.body['id']);
        this.workflows.push(id);
      }
      this.acknowledged.push({ id, eventType: step.eventType, replica, position: String(answer.body['position']) });
    }
    return id;
  }

  /** Runs workflows with `concurrency` workers until at least `min` ran and `done()` is true (at most `max`). */
  async run(options: { readonly min: number; readonly max: number; readonly concurrency: number; readonly done: () => boolean }): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < options.max && (next < options.min || !options.done())) {
        await this.workflow(next++);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  }
}

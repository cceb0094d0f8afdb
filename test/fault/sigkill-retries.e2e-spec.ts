/**
 * The API process SIGKILLed again and again under concurrent writers (issue 11, part 3), as an OS
 * process on PostgreSQL. Keyed writers drive whole workflows (apply → review → approval → notice →
 * acknowledgement) and retry every step that got no answer with the same Idempotency-Key and body;
 * unkeyed writers apply once per request. Every 2xx is stored exactly once, and every retry of a
 * lost answer gets the first result — the success status with the position of the stored event —
 * never 409 INVALID_TRANSITION / ALREADY_EXISTS, although the command took effect before the kill.
 */
import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { encodePosition } from '../../libs/event-store/src/position.js';
import { DIRECTORY } from '../support/call-center.js';
import { AppProcess, ensureBuilt, freePort, freshDatabase, SECRET, sleep } from '../production/support/processes.js';
import { applicationBody, histogram, type Reply, send } from './support/fault-load.js';
import { WORKFLOW_APPLICANTS, type WorkflowApplicant, type WorkflowStep, workflowSteps } from '../support/workflow-steps.js';

jest.setTimeout(300_000);

const KILLS = 6;

interface Acked {
  readonly id: string;
  readonly eventType: string;
  readonly position: string;
  /** The step got no answer at least once before this 2xx (a possibly lost answer, retried with the same key). */
  readonly afterLostAnswer: boolean;
}

let url: string;
let db: pg.Client;
let api: AppProcess;
const replies: Reply[] = [];
const acked: Acked[] = [];
const unkeyed: string[] = [];
const refused: { step: string; reply: Reply }[] = [];
let stopped = false;

/** One step with its key until an answer that is not "no answer" / 503 (generous bound: the API restarts meanwhile). */
async function sendStep(step: WorkflowStep, id: string): Promise<{ reply: Reply; lost: boolean }> {
  const key = randomUUID();
  let lost = false;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const reply = await send(api.url(''), 'POST', step.path(id), step.who, step.body, { 'idempotency-key': key });
    replies.push(reply);
    if ((reply.status !== 0 && reply.status !== 503) || Date.now() > deadline) return { reply, lost };
    lost = true;
    await sleep(100);
  }
}

async function keyedWriter(index: number): Promise<void> {
  for (let n = 0; !stopped; n++) {
    const applicant = WORKFLOW_APPLICANTS[(index + n) % WORKFLOW_APPLICANTS.length] as WorkflowApplicant;
    let id = '';
    for (const step of workflowSteps(applicant, applicationBody('sigkill loop'))) {
      const { reply, lost } = await sendStep(step, id);
      if (reply.status !== step.ok) {
        refused.push({ step: `${step.name} ${id}${lost ? ' (after a lost answer)' : ''}`, reply });
        break;
      }
      if (step.name === 'apply') id = String(reply.body['id']);
      acked.push({ id, eventType: step.eventType, position: String(reply.body['position']), afterLostAnswer: lost });
    }
  }
}

async function unkeyedWriter(): Promise<void> {
  while (!stopped) {
    const reply = await send(api.url(''), 'POST', '/v1/applications', 'E102', applicationBody('sigkill loop, no key'));
    replies.push(reply);
    if (reply.status === 201) unkeyed.push(String(reply.body['id']));
    else await sleep(100);
  }
}

beforeAll(async () => {
  ensureBuilt(['authorization-service']);
  url = await freshDatabase('faultkill');
  db = new pg.Client({ connectionString: url });
  await db.connect();
  api = new AppProcess('api', 'authorization-service', { EVENT_STORE_URL: url, READ_STORE_URL: url, AUTH_JWT_SECRET: SECRET, PORT: String(await freePort()) }).start();
  await api.waitReady('/health/ready', 120_000);
  for (const employee of DIRECTORY) {
    const res = await send(api.url(''), 'POST', '/v1/employees', 'svc:hr', employee);
    expect([employee.id, res.status]).toEqual([employee.id, 201]);
  }
});

afterAll(async () => {
  await api?.stop(10_000);
  await db?.end();
});

it('stores every 2xx once and answers every retry of a lost answer with the first result, across SIGKILLs', async () => {
  const writers = Promise.all([keyedWriter(0), keyedWriter(1), keyedWriter(2), keyedWriter(3), unkeyedWriter(), unkeyedWriter()]);
  for (let kill = 0; kill < KILLS; kill++) {
    // Kill while commands are in flight: after some were acknowledged since the last restart.
    const seen = acked.length;
    const deadline = Date.now() + 60_000;
    while (acked.length < seen + 3 && Date.now() < deadline) await sleep(50);
    await sleep(Math.floor(Math.random() * 400));
    await api.kill();
    api.start();
    await api.waitReady('/health/ready', 120_000);
  }
  stopped = true;
  await writers;

  const lostThenRetried = acked.filter((a) => a.afterLostAnswer).length;
  process.stdout.write(`[fault] ${KILLS} SIGKILLs: ${acked.length} keyed 2xx (${lostThenRetried} retried after no answer), ${unkeyed.length} unkeyed 2xx, answers ${JSON.stringify(histogram(replies))}\n`);
  // No refusal of a retried command, no 5xx but 503.
  expect(refused).toEqual([]);
  expect(replies.filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);

  const { rows } = await db.query<{ stream_id: string; type: string; tx: string; gp: string }>(
    `SELECT stream_id, type, transaction_id::text AS tx, global_position::text AS gp FROM events WHERE stream_id LIKE 'authorization-%' ORDER BY global_position`,
  );
  const stored = new Map<string, string[]>();
  for (const row of rows) {
    const key = `${row.stream_id.replace(/^authorization-/, '')} ${row.type}`;
    stored.set(key, [...(stored.get(key) ?? []), encodePosition(row.tx, row.gp)]);
  }
  // Every keyed 2xx: its event stored once, at the position the answer named (the first result).
  const wrong = acked.filter((a) => {
    const positions = stored.get(`${a.id} ${a.eventType}`) ?? [];
    return positions.length !== 1 || positions[0] !== a.position;
  });
  expect(wrong).toEqual([]);
  // Every unkeyed 201: one application each.
  expect(unkeyed.filter((id) => (stored.get(`${id} AuthorizationApplied`) ?? []).length !== 1)).toEqual([]);
  expect(new Set(unkeyed).size).toBe(unkeyed.length);
  expect(acked.length).toBeGreaterThan(0);
});

import type { TestApp } from './test-app.js';

/** The directory most end-to-end tests start from (same shape as the demo seed). */
export const DIRECTORY = [
  { id: 'M01', name: 'Manager One', role: 'manager', department: 'call-center' },
  { id: 'M02', name: 'Manager Two', role: 'manager', department: 'call-center' },
  { id: 'M03', name: 'Manager Three', role: 'manager', department: 'call-center' },
  { id: 'X01', name: 'Executive One', role: 'executive' },
  { id: 'X02', name: 'Executive Two', role: 'executive' },
  { id: 'S01', name: 'Supervisor A', role: 'supervisor', team: 'A', reportsTo: 'M01' },
  { id: 'S02', name: 'Supervisor B', role: 'supervisor', team: 'B', reportsTo: 'M01' },
  { id: 'E101', name: 'Agent A1', role: 'agent', team: 'A', reportsTo: 'S01' },
  { id: 'E102', name: 'Agent A2', role: 'agent', team: 'A', reportsTo: 'S01' },
  { id: 'E201', name: 'Agent B1', role: 'agent', team: 'B', reportsTo: 'S02' },
  { id: 'T01', name: 'Tech One', role: 'tech_support', team: 'IT', reportsTo: 'M01' },
  { id: 'C01', name: 'Compliance One', role: 'compliance' },
] as const;

export const DAY = 24 * 60 * 60 * 1000;
export const iso = (ms: number): string => new Date(ms).toISOString();

export async function seedDirectory(t: TestApp): Promise<void> {
  const hr = await t.token('svc:hr', { scope: 'directory:write' });
  for (const employee of DIRECTORY) {
    const res = await t.http.post('/v1/employees').set('authorization', `Bearer ${hr}`).send(employee);
    if (res.status !== 201) throw new Error(`seed ${employee.id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Sends a command as `who` and returns the response (status and body), never throwing. */
export async function act(t: TestApp, who: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) {
  const token = await t.token(who);
  let req = t.http.post(path).set('authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req.send(body as object);
}

export async function get(t: TestApp, who: string, path: string, headers: Record<string, string> = {}) {
  const token = who.startsWith('svc:') ? await t.token(who, { scope: 'checks:read audit:read' }) : await t.token(who);
  let req = t.http.get(path).set('authorization', `Bearer ${token}`);
  for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
  return req;
}

export function application(overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    matter: 'compensation.issue',
    scope: { maxAmount: 800, channels: ['phone'] },
    reason: 'Goodwill compensation for delayed deliveries',
    validFrom: iso(now - 60_000),
    validUntil: iso(now + 30 * DAY),
    ...overrides,
  };
}

/** Drives one application to `active` and returns its id and the last position. */
export async function grantActive(t: TestApp, applicant = 'E101', body = application()): Promise<{ id: string; position: string }> {
  const applied = await act(t, applicant, '/v1/applications', body);
  if (applied.status !== 201) throw new Error(`apply: ${applied.status} ${JSON.stringify(applied.body)}`);
  const id = applied.body.id as string;
  const reviewer = DIRECTORY.find((e) => e.id === applicant && 'reportsTo' in e) as { reportsTo?: string } | undefined;
  const steps: [string, string, unknown][] = [];
  if (reviewer?.reportsTo) steps.push([reviewer.reportsTo, 'review', { decision: 'pass', opinion: 'ok' }]);
  const approver = ['M02', 'M03', 'M01'].find((m) => m !== applicant && m !== reviewer?.reportsTo) as string;
  steps.push([approver, 'approval', { decision: 'approve', opinion: '' }]);
  let last = applied;
  for (const [who, step, payload] of steps) {
    last = await act(t, who, `/v1/authorizations/${id}/${step}`, payload);
    if (last.status !== 200) throw new Error(`${step}: ${last.status} ${JSON.stringify(last.body)}`);
  }
  if (last.body.status === 'pending_final_approval') {
    last = await act(t, 'X01', `/v1/authorizations/${id}/final-approval`, { decision: 'approve', opinion: '' });
    if (last.status !== 200) throw new Error(`final: ${last.status} ${JSON.stringify(last.body)}`);
  }
  const issuer = ['M01', 'M02', 'M03'].find((m) => m !== applicant) as string;
  last = await act(t, issuer, `/v1/authorizations/${id}/notice`, { copiesTo: ['finance', 'quality'] });
  if (last.status !== 200) throw new Error(`notice: ${last.status} ${JSON.stringify(last.body)}`);
  last = await act(t, applicant, `/v1/authorizations/${id}/acknowledgement`, {});
  if (last.status !== 200) throw new Error(`ack: ${last.status} ${JSON.stringify(last.body)}`);
  return { id, position: last.body.position as string };
}

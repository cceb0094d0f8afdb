/**
 * Schemathesis against the service on PostgreSQL (issue 11): every operation of /openapi.json, once
 * per persona (an agent, a supervisor, a manager, compliance, a service with every scope), with every
 * check (`--checks all`: no 5xx, documented status codes, content types, headers and bodies, ...).
 *
 * Schemathesis is the version pinned in deploy/local/schemathesis.sh, installed into .local/ by
 * `npm test` (or found through SCHEMATHESIS_BIN). Each persona has a time budget (`--max-time`):
 * reaching it ends that persona's run, it does not fail the test. Tunable with SCHEMATHESIS_MAX_EXAMPLES,
 * SCHEMATHESIS_MAX_TIME (seconds per persona), SCHEMATHESIS_SEED and SCHEMATHESIS_PERSONAS (a comma list).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVICE_SCOPES } from '../../apps/authorization-service/src/auth/principal.js';
import { act, application, grantActive, seedDirectory } from '../support/call-center.js';
import { freshDatabase, startTestApp, type TestApp } from '../support/test-app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HERE = fileURLToPath(new URL('./', import.meta.url));
const REPORTS = `${ROOT}.local/schemathesis-reports`;

/** Who calls: an employee id (powers from the directory) or a service (every scope). */
const PERSONAS: readonly { readonly name: string; readonly sub: string; readonly scope?: string }[] = [
  { name: 'agent', sub: 'E101' },
  { name: 'supervisor', sub: 'S01' },
  { name: 'manager', sub: 'M01' },
  { name: 'compliance', sub: 'C01' },
  { name: 'service', sub: 'svc:crm', scope: SERVICE_SCOPES.join(' ') },
];

const MAX_EXAMPLES = Number(process.env['SCHEMATHESIS_MAX_EXAMPLES'] ?? 12);
const MAX_TIME_S = Number(process.env['SCHEMATHESIS_MAX_TIME'] ?? 40);
const SELECTED = (process.env['SCHEMATHESIS_PERSONAS'] ?? '').split(',').filter(Boolean);

/** Live progress on the terminal (jest buffers console.* until a test ends). */
const progress = (line: string): void => void process.stderr.write(`[schemathesis] ${line}\n`);

function schemathesisBin(): string {
  const fromEnv = process.env['SCHEMATHESIS_BIN'];
  if (fromEnv) return fromEnv;
  // Same install as `npm test` does (idempotent: nothing to do when the pinned version is there).
  const ensured = spawnSync('bash', [`${ROOT}deploy/local/schemathesis.sh`, 'ensure'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
  if (ensured.status !== 0) throw new Error(`deploy/local/schemathesis.sh ensure failed:\n${ensured.stderr.toString()}`);
  return spawnSync('bash', [`${ROOT}deploy/local/schemathesis.sh`, 'bin']).stdout.toString().trim();
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
}

/** One `st run`, its output kept in full (also written to .local/schemathesis-reports/<persona>.log). */
function runSchemathesis(bin: string, args: readonly string[], log: string, hardLimitMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, {
      // Schemathesis keeps its crash cache (.schemathesis/) in the working directory: keep it out of the tree.
      cwd: REPORTS,
      env: { ...process.env, NO_COLOR: '1', PYTHONUNBUFFERED: '1', COLUMNS: '160' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: string[] = [];
    let lineBuffer = '';
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString();
      chunks.push(text);
      // Phase and operation lines as they come, so a long run shows where it is.
      lineBuffer += text;
      const lines = lineBuffer.split('\n');
      lineBuffer = lines.pop() ?? '';
      for (const line of lines) if (/^\s*(✅|❌|🚫|⏭|Examples|Coverage|Fuzzing|Stateful|Seed:|API Operations:)/u.test(line)) progress(`  ${line.trim()}`);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    // A safety net beyond --max-time (which Schemathesis honours itself): never hang the suite.
    const timer = setTimeout(() => child.kill('SIGKILL'), hardLimitMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const output = chunks.join('');
      writeFileSync(log, output);
      resolve({ code, signal, output });
    });
  });
}

/** The failures part of Schemathesis's output (or its tail when there is none). */
function failuresOf(output: string): string {
  const start = output.search(/^=+ (FAILURES|ERRORS) =+$/m);
  return start >= 0 ? output.slice(start) : output.slice(-8000);
}

describe('Schemathesis against the OpenAPI document, on PostgreSQL, per persona', () => {
  let t: TestApp;
  let base: string;
  let bin: string;

  beforeAll(async () => {
    bin = schemathesisBin();
    mkdirSync(REPORTS, { recursive: true });
    // A consistency token the read side has not reached waits CONSISTENCY_WAIT_MS, then 503: keep that short.
    t = await startTestApp({ EVENT_STORE_URL: await freshDatabase('st'), CONSISTENCY_WAIT_MS: '1000' });
    const address = t.app.getHttpServer().address();
    if (typeof address !== 'object' || address === null) throw new Error('the test app does not listen');
    base = `http://127.0.0.1:${address.port}`;
    // A small call center with something in every state the personas can see.
    await seedDirectory(t);
    await grantActive(t, 'E101');
    await grantActive(t, 'E201', application({ matter: 'fee.waive', scope: { maxAmount: 300 } }));
    const pending = await act(t, 'E102', '/v1/applications', application());
    if (pending.status !== 201) throw new Error(`seed apply: ${pending.status} ${JSON.stringify(pending.body)}`);
    const spec = await fetch(`${base}/openapi.json`);
    if (spec.status !== 200) throw new Error(`/openapi.json answered ${spec.status}`);
    progress(`service on PostgreSQL at ${base}; Schemathesis ${spawnSync(bin, ['--version']).stdout.toString().trim()}`);
  }, 900_000);

  afterAll(async () => {
    await t?.close();
  });

  const personas = PERSONAS.filter((p) => SELECTED.length === 0 || SELECTED.includes(p.name));

  it.each(personas.map((p) => [p.name, p] as const))(
    'as %s: no 5xx, and every response as documented (--checks all)',
    async (_name, persona) => {
      const token = await t.token(persona.sub, { expiresIn: '2h', ...(persona.scope ? { scope: persona.scope } : {}) });
      const log = `${REPORTS}/${persona.name}.log`;
      const seed = process.env['SCHEMATHESIS_SEED'];
      const args = [
        '--config-file',
        `${HERE}schemathesis.toml`,
        'run',
        `${base}/openapi.json`,
        '--url',
        base,
        '--checks',
        'all',
        '--header',
        `Authorization: Bearer ${token}`,
        '--max-examples',
        String(MAX_EXAMPLES),
        '--max-time',
        String(MAX_TIME_S),
        // One worker: with two, Hypothesis's lambda-description cache races (a "Runtime Error" in the
        // coverage phase, AST constructor recursion depth mismatch), and the machine has two cores anyway.
        '--workers',
        '1',
        '--request-timeout',
        '15',
        '--continue-on-failure',
        '--generation-database',
        'none',
        '--suppress-health-check',
        'all',
        '--no-color',
        ...(seed ? ['--seed', seed] : []),
      ];
      progress(`${persona.name} (${persona.sub}): up to ${MAX_EXAMPLES} examples per operation and cycle, ${MAX_TIME_S} s; log in ${log}`);
      const started = Date.now();
      const run = await runSchemathesis(bin, args, log, (MAX_TIME_S + 120) * 1000);
      const summary = run.output.match(/^=+ SUMMARY =+$[\s\S]*/m)?.[0] ?? '';
      progress(`${persona.name}: exit ${run.code ?? run.signal} after ${Math.round((Date.now() - started) / 1000)} s`);
      for (const line of summary.split('\n').slice(0, 25)) if (line.trim()) progress(`  ${line}`);
      if (run.code !== 0) {
        throw new Error(`Schemathesis as ${persona.name} (${persona.sub}) exited ${run.code ?? run.signal}; full log ${log}\n\n${failuresOf(run.output)}`);
      }
      expect(existsSync(log)).toBe(true);
    },
    (MAX_TIME_S + 180) * 1000,
  );
});

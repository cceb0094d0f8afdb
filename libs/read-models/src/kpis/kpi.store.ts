/**
 * The KPI fact tables as one projection of the processor framework (`kpiFactsProjection`, hosted
 * by the projector): rows and the checkpoint (in `processor_checkpoints`) are written in ONE
 * transaction, so a replayed batch is a no-op and a crash leaves rows and checkpoint together.
 * `KpiStore` applies the same projection outside a host (the CLI catches up before printing; the
 * checkpoint's row lock serialises it with a running projector).
 */
import { decodeSupervisionEvent } from '../../../domain/src/codec/event-codec.js';
import type { EventStore, Position, RecordedEvent } from '../../../event-store/src/event-store.port.js';
import { ensureCheckpoints, readCheckpoint, resetCheckpoint } from '../../../processors/src/checkpoints.js';
import { applyProjection } from '../../../processors/src/host.js';
import type { SqlProjection } from '../../../processors/src/processor.js';
import type { SqlClient, SqlQueryable } from '../../../sql/src/sql-client.port.js';
import { emptyKpiFacts, factKeyOf, foldKpiFact, type KpiFacts, toSupervisionEvent, type TimedSupervisionEvent } from './kpi-facts.projection.js';
import { KPI_FACT_TABLES, KPI_SCHEMA } from './kpi.schema.js';
import { isoOf, isoOrNull } from './sql-values.js';

export const KPI_PROJECTION = 'kpis';

const json = (values: unknown): string => JSON.stringify(values);

/** The supervision facts the KPIs read, as a processor. */
export const kpiFactsProjection = (name: string = KPI_PROJECTION): SqlProjection => ({
  kind: 'projection',
  name,
  batchSize: 1000,
  schema: KPI_SCHEMA,
  accepts: (event) => decodeSupervisionEvent(event) !== null,
  apply: async (tx, events) => {
    const timed = events.map(toSupervisionEvent).filter((e): e is TimedSupervisionEvent => e !== null);
    if (timed.length > 0) await project(tx, timed);
  },
});

export class KpiStore {
  private readonly projector: SqlProjection;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly sql: SqlClient,
    readonly projection: string = KPI_PROJECTION,
  ) {
    this.projector = kpiFactsProjection(projection);
  }

  async checkpoint(): Promise<Position> {
    await this.ensure();
    return readCheckpoint(this.sql, this.projection);
  }

  /** Applies `events` (commit order) and moves the checkpoint to the last one, atomically. */
  async apply(events: readonly RecordedEvent[]): Promise<Position> {
    await this.ensure();
    return applyProjection(this.sql, this.projector, events);
  }

  /** Reads the event store from the checkpoint to its head, in batches. Returns the new checkpoint. */
  async catchUp(events: Pick<EventStore, 'readAll'>, batchSize = 1000): Promise<Position> {
    let position = await this.checkpoint();
    for (;;) {
      const batch = await events.readAll({ after: position, limit: batchSize });
      if (batch.length > 0) position = await this.apply(batch);
      if (batch.length < batchSize) return position;
    }
  }

  /** Empties the fact tables and the checkpoint (a rebuild replays from START). */
  async reset(): Promise<void> {
    await this.ensure();
    await this.sql.transaction(async (tx) => {
      await tx.query('SELECT position FROM processor_checkpoints WHERE name = $1 FOR UPDATE', [this.projection]);
      await tx.query(`TRUNCATE ${KPI_FACT_TABLES.join(', ')}`);
      await resetCheckpoint(tx, this.projection);
    });
  }

  private ensure(): Promise<void> {
    this.ready ??= ensureCheckpoints(this.sql, [this.projection], KPI_SCHEMA).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/** The facts' checkpoint as stored. */
export const readKpiCheckpoint = (sql: SqlQueryable, projection: string): Promise<Position> => readCheckpoint(sql, projection);

const project = async (tx: SqlQueryable, events: readonly TimedSupervisionEvent[]): Promise<void> => {
  const facts = await loadTouched(tx, events);
  const touched = { escalations: new Set<string>(), reports: new Set<string>(), feedback: new Set<string>(), inspections: new Set<string>(), assessments: new Set<string>() };
  for (const timed of events) {
    const key = factKeyOf(timed);
    if (key !== null && foldKpiFact(facts, timed) !== null) touched[key.kind].add(key.key);
  }
  const pick = <T>(map: Map<string, T>, keys: Set<string>): T[] => [...keys].flatMap((k) => (map.has(k) ? [map.get(k) as T] : []));
  const escalations = pick(facts.escalations, touched.escalations);
  if (escalations.length > 0) {
    await tx.query(
      `INSERT INTO kpi_escalations (id, employee_id, authority, raised_at, resolved_at)
       SELECT x.id, x.employee_id, x.authority, x.raised_at, x.resolved_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, employee_id text, authority text, raised_at timestamptz, resolved_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET resolved_at = EXCLUDED.resolved_at`,
      [json(escalations.map((e) => ({ id: e.id, employee_id: e.employeeId, authority: e.authority, raised_at: e.raisedAt, resolved_at: e.resolvedAt })))],
    );
  }
  const reports = pick(facts.reports, touched.reports);
  if (reports.length > 0) {
    await tx.query(
      `INSERT INTO kpi_reports (id, subject_employee_id, reported_at, finding, concluded_at)
       SELECT x.id, x.subject_employee_id, x.reported_at, x.finding, x.concluded_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, subject_employee_id text, reported_at timestamptz, finding text, concluded_at timestamptz)
       ON CONFLICT (id) DO UPDATE SET finding = EXCLUDED.finding, concluded_at = EXCLUDED.concluded_at`,
      [json(reports.map((r) => ({ id: r.id, subject_employee_id: r.subjectEmployeeId, reported_at: r.reportedAt, finding: r.finding, concluded_at: r.concludedAt })))],
    );
  }
  const feedback = pick(facts.feedback, touched.feedback);
  if (feedback.length > 0) {
    await tx.query(
      `INSERT INTO kpi_feedback (id, employee_id, score, received_at)
       SELECT x.id, x.employee_id, x.score, x.received_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, employee_id text, score integer, received_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [json(feedback.map((f) => ({ id: f.id, employee_id: f.employeeId, score: f.score, received_at: f.receivedAt })))],
    );
  }
  const inspections = pick(facts.inspections, touched.inspections);
  if (inspections.length > 0) {
    await tx.query(
      `INSERT INTO kpi_inspections (id, employee_id, compliant, period, recorded_at)
       SELECT x.id, x.employee_id, x.compliant, x.period, x.recorded_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, employee_id text, compliant boolean, period text, recorded_at timestamptz)
       ON CONFLICT (id) DO NOTHING`,
      [json(inspections.map((i) => ({ id: i.id, employee_id: i.employeeId, compliant: i.compliant, period: i.period, recorded_at: i.recordedAt })))],
    );
  }
  const assessments = pick(facts.assessments, touched.assessments);
  if (assessments.length > 0) {
    await tx.query(
      `INSERT INTO kpi_assessments (employee_id, period, teamwork_score)
       SELECT x.employee_id, x.period, x.teamwork_score
       FROM jsonb_to_recordset($1::jsonb) AS x(employee_id text, period text, teamwork_score integer)
       ON CONFLICT (employee_id, period) DO NOTHING`,
      [json(assessments.map((a) => ({ employee_id: a.employeeId, period: a.period, teamwork_score: a.teamworkScore })))],
    );
  }
};

/** Loads the existing rows the batch folds into (escalations and reports change after creation; the rest are insert-once). */
const loadTouched = async (tx: SqlQueryable, events: readonly TimedSupervisionEvent[]): Promise<KpiFacts> => {
  const facts = emptyKpiFacts();
  const escalationIds = new Set<string>();
  const reportIds = new Set<string>();
  for (const timed of events) {
    const key = factKeyOf(timed);
    if (key?.kind === 'escalations') escalationIds.add(key.key);
    else if (key?.kind === 'reports') reportIds.add(key.key);
  }
  if (escalationIds.size > 0) {
    const { rows } = await tx.query<{ id: string; employee_id: string; authority: string; raised_at: unknown; resolved_at: unknown }>(
      'SELECT id, employee_id, authority, raised_at, resolved_at FROM kpi_escalations WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [json([...escalationIds])],
    );
    for (const r of rows) facts.escalations.set(r.id, { id: r.id, employeeId: r.employee_id, authority: r.authority, raisedAt: isoOf(r.raised_at), resolvedAt: isoOrNull(r.resolved_at) });
  }
  if (reportIds.size > 0) {
    const { rows } = await tx.query<{ id: string; subject_employee_id: string; reported_at: unknown; finding: string | null; concluded_at: unknown }>(
      'SELECT id, subject_employee_id, reported_at, finding, concluded_at FROM kpi_reports WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [json([...reportIds])],
    );
    for (const r of rows) {
      const finding = r.finding === 'substantiated' || r.finding === 'dismissed' ? r.finding : null;
      facts.reports.set(r.id, { id: r.id, subjectEmployeeId: r.subject_employee_id, reportedAt: isoOf(r.reported_at), finding, concludedAt: isoOrNull(r.concluded_at) });
    }
  }
  return facts;
};

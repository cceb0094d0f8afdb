/**
 * The notifications' SQL: what the reactor remembers between events (people, authorization rows,
 * reports and suggestions), the notifications themselves, their deliveries (one row per channel,
 * the outbox the dispatcher works through) and each employee's settings. All tables are created by
 * `ensureSchema` (idempotent, under an advisory lock), called by the reactor and the API alike.
 */
import { ensureSchema } from '../../sql/src/ensure-schema.js';
import type { SqlClient, SqlQueryable } from '../../sql/src/sql-client.port.js';
import { isLanguage, type Language } from '../../messages/src/index.js';
import type { AuthorizationRow } from '../../read-models/src/authorization/authorization.row.js';
import type { EmployeeRow } from '../../read-models/src/employee/employee.projection.js';
import type { NotificationKind, NotificationParams, StoredNotification } from './notification.js';
import type { StandInPeriod, SubjectFacts } from './recipients.js';
import { DEFAULT_SETTINGS, type NotificationSettings } from './notification-settings.js';

export const CHANNELS = ['email', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];

const LOCK_KEY = 71_204_012;

export const NOTIFICATION_SCHEMA: readonly string[] = [
  'CREATE TABLE IF NOT EXISTS notify_people (id text PRIMARY KEY, row jsonb NOT NULL)',
  'CREATE TABLE IF NOT EXISTS notify_authorizations (id text PRIMARY KEY, matter text NOT NULL, status text NOT NULL, applicant_id text NOT NULL, row jsonb NOT NULL)',
  'CREATE TABLE IF NOT EXISTS notify_subjects (key text PRIMARY KEY, facts jsonb NOT NULL)',
  `CREATE TABLE IF NOT EXISTS notifications (
     seq bigserial UNIQUE, id uuid PRIMARY KEY, recipient_id text NOT NULL, kind text NOT NULL, subject_id text NOT NULL,
     authorization_id text, change_id text, params jsonb NOT NULL, event_id text NOT NULL, created_at timestamptz NOT NULL, read_at timestamptz)`,
  'CREATE INDEX IF NOT EXISTS notifications_by_recipient ON notifications (recipient_id, seq DESC)',
  `CREATE TABLE IF NOT EXISTS notification_deliveries (
     notification_id uuid NOT NULL REFERENCES notifications (id), channel text NOT NULL, address text,
     status text NOT NULL DEFAULT 'pending', attempts integer NOT NULL DEFAULT 0, next_attempt_at timestamptz NOT NULL,
     last_error text, delivered_at timestamptz, failed_at timestamptz, PRIMARY KEY (notification_id, channel))`,
  'CREATE INDEX IF NOT EXISTS notification_deliveries_due ON notification_deliveries (status, next_attempt_at)',
  'CREATE TABLE IF NOT EXISTS notification_settings (employee_id text PRIMARY KEY, email text, webhook boolean NOT NULL, language text NOT NULL, updated_at timestamptz NOT NULL)',
];

export async function ensureNotificationSchema(sql: SqlClient): Promise<void> {
  await ensureSchema(sql, LOCK_KEY, NOTIFICATION_SCHEMA);
}

interface NotificationRecord {
  seq: string;
  id: string;
  recipient_id: string;
  kind: string;
  subject_id: string;
  authorization_id: string | null;
  change_id: string | null;
  params: NotificationParams | string;
  event_id: string;
  created_at: string | Date;
  read_at: string | Date | null;
}

const iso = (value: string | Date): string => new Date(value).toISOString();
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export const toNotification = (r: NotificationRecord): StoredNotification => ({
  id: r.id,
  recipientId: r.recipient_id,
  kind: r.kind as NotificationKind,
  subjectId: r.subject_id,
  authorizationId: r.authorization_id,
  changeId: r.change_id,
  params: json(r.params),
  eventId: r.event_id,
  createdAt: iso(r.created_at),
  readAt: r.read_at === null ? null : iso(r.read_at),
});

/** The reactor's memory, read and written inside its batch transaction. */
export const reactorState = {
  async people(tx: SqlQueryable): Promise<Map<string, EmployeeRow>> {
    const { rows } = await tx.query<{ row: EmployeeRow | string }>('SELECT row FROM notify_people');
    return new Map(rows.map((r) => json<EmployeeRow>(r.row)).map((row) => [row.id, row]));
  },
  async savePeople(tx: SqlQueryable, rows: readonly EmployeeRow[]): Promise<void> {
    for (const row of rows) await tx.query('INSERT INTO notify_people (id, row) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET row = EXCLUDED.row', [row.id, JSON.stringify(row)]);
  },
  async designees(tx: SqlQueryable, matter: string): Promise<Set<string>> {
    const { rows } = await tx.query<{ applicant_id: string }>("SELECT DISTINCT applicant_id FROM notify_authorizations WHERE matter = $1 AND status = 'active'", [matter]);
    return new Set(rows.map((r) => r.applicant_id));
  },
  async authorization(tx: SqlQueryable, id: string): Promise<AuthorizationRow | null> {
    const { rows } = await tx.query<{ row: AuthorizationRow | string }>('SELECT row FROM notify_authorizations WHERE id = $1', [id]);
    return rows[0] === undefined ? null : json<AuthorizationRow>(rows[0].row);
  },
  async saveAuthorizations(tx: SqlQueryable, rows: readonly AuthorizationRow[]): Promise<void> {
    for (const row of rows) {
      await tx.query(
        `INSERT INTO notify_authorizations (id, matter, status, applicant_id, row) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET matter = EXCLUDED.matter, status = EXCLUDED.status, row = EXCLUDED.row`,
        [row.id, row.matter, row.status, row.applicantId, JSON.stringify(row)],
      );
    }
  },
  /** Every stand-in period by absent employee (kept as subject `stand-ins:<employeeId>`). */
  async standIns(tx: SqlQueryable): Promise<Map<string, readonly StandInPeriod[]>> {
    const { rows } = await tx.query<{ key: string; facts: readonly StandInPeriod[] | string }>("SELECT key, facts FROM notify_subjects WHERE key LIKE 'stand-ins:%'");
    return new Map(rows.map((r) => [r.key.slice('stand-ins:'.length), json<readonly StandInPeriod[]>(r.facts)]));
  },
  async saveStandIns(tx: SqlQueryable, standIns: ReadonlyMap<string, readonly StandInPeriod[]>): Promise<void> {
    for (const [employeeId, periods] of standIns) {
      await tx.query('INSERT INTO notify_subjects (key, facts) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET facts = EXCLUDED.facts', [`stand-ins:${employeeId}`, JSON.stringify(periods)]);
    }
  },
  async subject(tx: SqlQueryable, key: string): Promise<SubjectFacts> {
    const { rows } = await tx.query<{ facts: SubjectFacts | string }>('SELECT facts FROM notify_subjects WHERE key = $1', [key]);
    return rows[0] === undefined ? {} : json<SubjectFacts>(rows[0].facts);
  },
  async saveSubject(tx: SqlQueryable, key: string, facts: SubjectFacts): Promise<void> {
    await tx.query('INSERT INTO notify_subjects (key, facts) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET facts = EXCLUDED.facts', [key, JSON.stringify(facts)]);
  },
  /** Inserts what is new (a replayed event's ids already exist) and queues it on the channels its recipient has on now. */
  async insertNotifications(tx: SqlQueryable, notifications: readonly StoredNotification[], now: Date): Promise<StoredNotification[]> {
    const inserted: StoredNotification[] = [];
    for (const n of notifications) {
      const { rows } = await tx.query(
        `INSERT INTO notifications (id, recipient_id, kind, subject_id, authorization_id, change_id, params, event_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [n.id, n.recipientId, n.kind, n.subjectId, n.authorizationId, n.changeId, JSON.stringify(n.params), n.eventId, n.createdAt],
      );
      if (rows.length === 0) continue;
      inserted.push(n);
      const settings = await settingsOf(tx, n.recipientId);
      if (settings.email !== null) {
        await tx.query("INSERT INTO notification_deliveries (notification_id, channel, address, next_attempt_at) VALUES ($1, 'email', $2, $3) ON CONFLICT DO NOTHING", [n.id, settings.email, now.toISOString()]);
      }
      if (settings.webhook) {
        await tx.query("INSERT INTO notification_deliveries (notification_id, channel, address, next_attempt_at) VALUES ($1, 'webhook', NULL, $2) ON CONFLICT DO NOTHING", [n.id, now.toISOString()]);
      }
    }
    return inserted;
  },
};

export async function settingsOf(db: SqlQueryable, employeeId: string): Promise<NotificationSettings> {
  const { rows } = await db.query<{ email: string | null; webhook: boolean; language: string }>('SELECT email, webhook, language FROM notification_settings WHERE employee_id = $1', [employeeId]);
  const row = rows[0];
  if (row === undefined) return DEFAULT_SETTINGS;
  return { email: row.email, webhook: row.webhook, language: isLanguage(row.language) ? row.language : DEFAULT_SETTINGS.language };
}

export interface NotificationPage {
  readonly items: readonly StoredNotification[];
  readonly nextCursor: string | null;
}

/** A delivery claimed by the dispatcher, with what it needs to send. */
export interface DueDelivery {
  readonly notification: StoredNotification;
  readonly channel: Channel;
  readonly address: string | null;
  readonly attempts: number;
}

export interface FailedDelivery {
  readonly notificationId: string;
  readonly employeeId: string;
  readonly kind: string;
  readonly channel: Channel;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly failedAt: string;
}

/** What the API and the dispatcher read and write. */
export class NotificationStore {
  private schema: Promise<void> | undefined;

  constructor(private readonly sql: SqlClient) {}

  ensureSchema(): Promise<void> {
    this.schema ??= ensureNotificationSchema(this.sql).catch((error: unknown) => {
      this.schema = undefined;
      throw error;
    });
    return this.schema;
  }

  /** Newest first; `cursor` is the `seq` of the last item of the previous page. */
  async list(recipientId: string, options: { readonly unread?: boolean; readonly limit: number; readonly cursor?: string }): Promise<NotificationPage> {
    await this.ensureSchema();
    const params: unknown[] = [recipientId, options.limit + 1];
    let where = 'recipient_id = $1';
    if (options.unread === true) where += ' AND read_at IS NULL';
    if (options.unread === false) where += ' AND read_at IS NOT NULL';
    if (options.cursor !== undefined) {
      params.push(options.cursor);
      where += ` AND seq < $${params.length}`;
    }
    const { rows } = await this.sql.query<NotificationRecord>(`SELECT * FROM notifications WHERE ${where} ORDER BY seq DESC LIMIT $2`, params);
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return { items: page.map(toNotification), nextCursor: rows.length > options.limit && last !== undefined ? String(last.seq) : null };
  }

  /** Marks one of the recipient's own notifications read (the first time only); null when it is not theirs. */
  async markRead(recipientId: string, id: string, now: Date): Promise<StoredNotification | null> {
    await this.ensureSchema();
    await this.sql.query('UPDATE notifications SET read_at = $3 WHERE id = $1 AND recipient_id = $2 AND read_at IS NULL', [id, recipientId, now.toISOString()]);
    const { rows } = await this.sql.query<NotificationRecord>('SELECT * FROM notifications WHERE id = $1 AND recipient_id = $2', [id, recipientId]);
    return rows[0] === undefined ? null : toNotification(rows[0]);
  }

  async settings(employeeId: string): Promise<NotificationSettings> {
    await this.ensureSchema();
    return settingsOf(this.sql, employeeId);
  }

  async saveSettings(employeeId: string, settings: NotificationSettings, now: Date): Promise<NotificationSettings> {
    await this.ensureSchema();
    await this.sql.query(
      `INSERT INTO notification_settings (employee_id, email, webhook, language, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (employee_id) DO UPDATE SET email = EXCLUDED.email, webhook = EXCLUDED.webhook, language = EXCLUDED.language, updated_at = EXCLUDED.updated_at`,
      [employeeId, settings.email, settings.webhook, settings.language, now.toISOString()],
    );
    return settings;
  }

  /** The recipient's name (as the reactor knows it) and current language, for the texts of a delivery. */
  async recipient(employeeId: string): Promise<{ readonly name: string; readonly language: Language }> {
    await this.ensureSchema();
    const { rows } = await this.sql.query<{ name: string | null }>("SELECT row->>'name' AS name FROM notify_people WHERE id = $1", [employeeId]);
    return { name: rows[0]?.name ?? employeeId, language: (await this.settings(employeeId)).language };
  }

  /** Whether the employee is known to the reactor (registered). */
  async knows(employeeId: string): Promise<boolean> {
    await this.ensureSchema();
    const { rows } = await this.sql.query('SELECT 1 FROM notify_people WHERE id = $1', [employeeId]);
    return rows.length > 0;
  }

  /**
   * Claims up to `limit` pending deliveries due at `now` on `channels` (a configured channel only):
   * each is leased for `leaseMs` so that another instance skips it and a crash retries it after.
   */
  async claimDue(channels: readonly Channel[], now: Date, limit: number, leaseMs: number): Promise<DueDelivery[]> {
    if (channels.length === 0) return [];
    await this.ensureSchema();
    const { rows } = await this.sql.query<{ channel: Channel; address: string | null; attempts: number; notification: NotificationRecord | string }>(
      `WITH due AS (
         SELECT notification_id, channel FROM notification_deliveries
         WHERE status = 'pending' AND next_attempt_at <= $1 AND channel = ANY($2::text[])
         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       UPDATE notification_deliveries d SET next_attempt_at = $4 FROM due
       WHERE d.notification_id = due.notification_id AND d.channel = due.channel
       RETURNING d.channel, d.address, d.attempts, (SELECT row_to_json(n) FROM notifications n WHERE n.id = d.notification_id) AS notification`,
      [now.toISOString(), channels, limit, new Date(now.getTime() + leaseMs).toISOString()],
    );
    return rows.map((r) => ({ notification: toNotification(json<NotificationRecord>(r.notification)), channel: r.channel, address: r.address, attempts: r.attempts }));
  }

  async delivered(id: string, channel: Channel, now: Date): Promise<void> {
    await this.sql.query("UPDATE notification_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = $3, last_error = NULL WHERE notification_id = $1 AND channel = $2", [id, channel, now.toISOString()]);
  }

  async retryLater(id: string, channel: Channel, error: string, at: Date): Promise<void> {
    await this.sql.query('UPDATE notification_deliveries SET attempts = attempts + 1, last_error = $3, next_attempt_at = $4 WHERE notification_id = $1 AND channel = $2', [id, channel, error, at.toISOString()]);
  }

  async failed(id: string, channel: Channel, error: string, now: Date): Promise<void> {
    await this.sql.query("UPDATE notification_deliveries SET status = 'failed', attempts = attempts + 1, last_error = $3, failed_at = $4 WHERE notification_id = $1 AND channel = $2", [id, channel, error, now.toISOString()]);
  }

  async dropped(id: string, channel: Channel, now: Date): Promise<void> {
    await this.sql.query("UPDATE notification_deliveries SET status = 'dropped', failed_at = $3, last_error = 'older than NOTIFY_MAX_AGE_HOURS' WHERE notification_id = $1 AND channel = $2", [id, channel, now.toISOString()]);
  }

  /** Deliveries that used up their retry budget, newest first (operators, SPEC §12). */
  async listFailed(options: { readonly limit: number; readonly cursor?: string; readonly channel?: Channel }): Promise<{ readonly items: readonly FailedDelivery[]; readonly nextCursor: string | null }> {
    await this.ensureSchema();
    const params: unknown[] = [options.limit + 1];
    let where = '';
    if (options.cursor !== undefined) {
      // `<seq>.<channel>` of the last row: a notification failed on both channels may straddle pages.
      const [seq, channel = ''] = options.cursor.split('.');
      params.push(seq, channel);
      where += ` AND (n.seq < $${params.length - 1} OR (n.seq = $${params.length - 1} AND d.channel > $${params.length}))`;
    }
    if (options.channel !== undefined) {
      params.push(options.channel);
      where += ` AND d.channel = $${params.length}`;
    }
    const { rows } = await this.sql.query<{ seq: string; id: string; recipient_id: string; kind: string; channel: Channel; attempts: number; last_error: string | null; created_at: string | Date; failed_at: string | Date }>(
      `SELECT n.seq, n.id, n.recipient_id, n.kind, d.channel, d.attempts, d.last_error, n.created_at, d.failed_at
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE d.status = 'failed'${where} ORDER BY n.seq DESC, d.channel LIMIT $1`,
      params,
    );
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({ notificationId: r.id, employeeId: r.recipient_id, kind: r.kind, channel: r.channel, attempts: r.attempts, lastError: r.last_error, createdAt: iso(r.created_at), failedAt: iso(r.failed_at) })),
      nextCursor: rows.length > options.limit && last !== undefined ? `${last.seq}.${last.channel}` : null,
    };
  }
}

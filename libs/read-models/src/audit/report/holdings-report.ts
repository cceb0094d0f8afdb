/**
 * The auditor's report (issue 14): who held what at an instant T, by role baseline and by grant,
 * each grant with its approval chain (applicant, reviewer, approver, final approver, issuer) by id
 * and name. "In force at T" is the domain's grant verdict, through the permission index that the
 * checks use (`permissions(employee, T)`), fed the whole log: the same answer a check `at: T` gets.
 * Pure over the events; `render*` turn it into a table, CSV or HTML.
 */
import type { Catalogue } from '../../../../domain/src/catalogue/catalogue.js';
import { decodeDomainEvent } from '../../../../domain/src/codec/event-codec.js';
import type { Scope } from '../../../../domain/src/events.js';
import type { Role } from '../../../../domain/src/ids.js';
import { PermissionIndex, type IndexableEvent } from '../../permission-index/index.js';

export interface Person {
  readonly id: string;
  readonly name: string | null;
}

export interface ApprovalChain {
  readonly applicant: Person;
  readonly reviewer: Person | null;
  readonly approver: Person | null;
  readonly finalApprover: Person | null;
  readonly issuer: Person | null;
  readonly noticeNumber: string | null;
  /** The change whose terms were in force at T (null: the original application's). */
  readonly changeId: string | null;
}

export interface RoleHolding {
  readonly employee: Person;
  readonly role: Role;
  readonly team: string | null;
  readonly authority: string;
  readonly authorityName: string;
}

export interface GrantHolding {
  readonly employee: Person;
  readonly role: Role | null;
  readonly authority: string;
  readonly authorityName: string;
  readonly grantId: string;
  readonly scope: Scope;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly chain: ApprovalChain;
}

export interface HoldingsReport {
  readonly at: string;
  readonly byRole: readonly RoleHolding[];
  readonly byGrant: readonly GrantHolding[];
}

interface Steps {
  reviewerId: string | null;
  approverId: string | null;
  executiveId: string | null;
  issuerId: string | null;
  noticeNumber: string | null;
}

const noSteps = (): Steps => ({ reviewerId: null, approverId: null, executiveId: null, issuerId: null, noticeNumber: null });

/** Folds what the report needs besides the index: names and teams, and each application's and change's chain. */
class ChainBook {
  readonly names = new Map<string, string>();
  readonly teams = new Map<string, string | null>();
  readonly applicants = new Map<string, string>();
  /** `${authorizationId}/${changeId ?? ''}` → its steps. */
  private readonly steps = new Map<string, Steps>();
  /** The acknowledgements in log order: [authorizationId, changeId, at]. */
  private readonly acknowledgements = new Map<string, { changeId: string | null; at: number }[]>();

  apply(event: IndexableEvent, at: number): void {
    const e = decodeDomainEvent(event);
    if (e === null || !(at <= this.horizon)) return;
    switch (e.type) {
      case 'EmployeeRegistered':
      case 'EmployeeUpdated':
        this.names.set(e.data.employeeId, e.data.name);
        this.teams.set(e.data.employeeId, e.data.team);
        return;
      case 'AuthorizationApplied':
        this.applicants.set(e.data.authorizationId, e.data.applicantId);
        return;
      case 'InitialReviewPassed':
        this.step(e.data.authorizationId, e.data.changeId).reviewerId = e.data.reviewerId;
        return;
      case 'ManagerApproved':
        this.step(e.data.authorizationId, e.data.changeId).approverId = e.data.approverId;
        return;
      case 'ExecutiveApproved':
        this.step(e.data.authorizationId, e.data.changeId).executiveId = e.data.executiveId;
        return;
      case 'NoticeIssued': {
        const step = this.step(e.data.authorizationId, e.data.changeId);
        step.issuerId = e.data.issuerId;
        step.noticeNumber = e.data.noticeNumber;
        return;
      }
      case 'NoticeAcknowledged': {
        const list = this.acknowledgements.get(e.data.authorizationId) ?? [];
        list.push({ changeId: e.data.changeId ?? null, at });
        this.acknowledgements.set(e.data.authorizationId, list);
        return;
      }
      default:
        return;
    }
  }

  constructor(private readonly horizon: number) {}

  private step(authorizationId: string, changeId: string | undefined): Steps {
    const key = `${authorizationId}/${changeId ?? ''}`;
    let steps = this.steps.get(key);
    if (steps === undefined) {
      steps = noSteps();
      this.steps.set(key, steps);
    }
    return steps;
  }

  person(id: string | null): Person | null {
    return id === null ? null : { id, name: this.names.get(id) ?? null };
  }

  /** The chain of the terms in force at `at`: those of the latest acknowledgement at or before it. */
  chainOf(authorizationId: string, at: number): ApprovalChain {
    const acks = (this.acknowledgements.get(authorizationId) ?? []).filter((a) => a.at <= at);
    const changeId = acks[acks.length - 1]?.changeId ?? null;
    const steps = this.steps.get(`${authorizationId}/${changeId ?? ''}`) ?? noSteps();
    const applicantId = this.applicants.get(authorizationId) ?? '';
    return {
      applicant: { id: applicantId, name: this.names.get(applicantId) ?? null },
      reviewer: this.person(steps.reviewerId),
      approver: this.person(steps.approverId),
      finalApprover: this.person(steps.executiveId),
      issuer: this.person(steps.issuerId),
      noticeNumber: steps.noticeNumber,
      changeId,
    };
  }
}

const instantOf = (event: IndexableEvent): number => {
  const metadata = event.metadata as { occurredAt?: unknown } | undefined;
  return typeof metadata?.occurredAt === 'string' ? Date.parse(metadata.occurredAt) : Number.NaN;
};

export interface ReportBuilder {
  /** Feeds the log in commit order (any number of calls). */
  readonly add: (events: Iterable<IndexableEvent>) => void;
  readonly build: () => HoldingsReport;
}

/** A report at `at` (ISO-8601) under `catalogue`; feed it the whole log, then build. */
export const holdingsReport = (catalogue: Pick<Catalogue, 'baselines' | 'authorities'>, at: string): ReportBuilder => {
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new RangeError(`--at must be an ISO-8601 instant, got "${at}"`);
  const index = new PermissionIndex(catalogue);
  const book = new ChainBook(t);
  const employees = new Set<string>();
  const nameOf = (authority: string): string => catalogue.authorities[authority]?.names.en ?? authority;
  return {
    add: (events) => {
      for (const event of events) {
        index.apply(event);
        const when = instantOf(event);
        book.apply(event, when);
        if (event.type === 'EmployeeRegistered') employees.add((event.data as { employeeId: string }).employeeId);
      }
    },
    build: () => {
      const byRole: RoleHolding[] = [];
      const byGrant: GrantHolding[] = [];
      for (const id of [...employees].sort()) {
        const held = index.permissions(id, t);
        if (held === undefined || held.departed || held.role === null) continue;
        const employee = { id, name: book.names.get(id) ?? null };
        for (const authority of held.baseline) byRole.push({ employee, role: held.role, team: book.teams.get(id) ?? null, authority, authorityName: nameOf(authority) });
        for (const grant of held.grants) {
          byGrant.push({
            employee,
            role: held.role,
            authority: grant.authority,
            authorityName: nameOf(grant.authority),
            grantId: grant.grantId,
            scope: grant.scope,
            validFrom: grant.validFrom,
            validUntil: grant.validUntil,
            chain: book.chainOf(grant.grantId, t),
          });
        }
      }
      return { at: new Date(t).toISOString(), byRole, byGrant };
    },
  };
};

const who = (person: Person | null): string => (person === null ? '' : person.name === null ? person.id : `${person.name} (${person.id})`);
const scopeText = (scope: Scope): string =>
  [scope.maxAmount === undefined ? null : `max ${scope.maxAmount}`, scope.channels === undefined ? null : `channels ${scope.channels.join('/')}`].filter(Boolean).join(', ') || 'unlimited';

const GRANT_COLUMNS = ['employee', 'name', 'role', 'authority', 'authority name', 'grant', 'scope', 'valid from', 'valid until', 'applicant', 'reviewer', 'approver', 'final approver', 'issuer', 'notice', 'change'] as const;
const ROLE_COLUMNS = ['employee', 'name', 'role', 'team', 'authority', 'authority name'] as const;

const grantCells = (g: GrantHolding): string[] => [
  g.employee.id,
  g.employee.name ?? '',
  g.role ?? '',
  g.authority,
  g.authorityName,
  g.grantId,
  scopeText(g.scope),
  g.validFrom,
  g.validUntil,
  who(g.chain.applicant),
  who(g.chain.reviewer),
  who(g.chain.approver),
  who(g.chain.finalApprover),
  who(g.chain.issuer),
  g.chain.noticeNumber ?? '',
  g.chain.changeId ?? '',
];
const roleCells = (r: RoleHolding): string[] => [r.employee.id, r.employee.name ?? '', r.role, r.team ?? '', r.authority, r.authorityName];

const csvCell = (value: string): string => {
  // A leading = + - @ would be a formula in a spreadsheet: quoted and prefixed.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** One CSV: `held by` (role | grant) first, then the columns of both kinds (empty where they do not apply). */
export const reportToCsv = (report: HoldingsReport): string => {
  const header = ['at', 'held by', ...GRANT_COLUMNS, 'team'];
  const rows = [
    ...report.byRole.map((r) => {
      const [employee, name, role, team, authority, authorityName] = roleCells(r);
      return [report.at, 'role', employee ?? '', name ?? '', role ?? '', authority ?? '', authorityName ?? '', '', '', '', '', '', '', '', '', '', '', '', team ?? ''];
    }),
    ...report.byGrant.map((g) => [report.at, 'grant', ...grantCells(g), '']),
  ];
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const htmlTable = (columns: readonly string[], rows: readonly string[][]): string =>
  `<table>\n<thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows
    .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n')}\n</tbody>\n</table>`;

/** A self-contained HTML page (no script, no external resource). */
export const reportToHtml = (report: HoldingsReport): string =>
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorities held at ${escapeHtml(report.at)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}</style></head>
<body>
<h1>Authorities held at ${escapeHtml(report.at)}</h1>
<h2>By grant (${report.byGrant.length})</h2>
${htmlTable(GRANT_COLUMNS, report.byGrant.map(grantCells))}
<h2>By role (${report.byRole.length})</h2>
${htmlTable(ROLE_COLUMNS, report.byRole.map(roleCells))}
</body>
</html>
`;

/** Plain text for a terminal: grants with their chain, then the role baselines grouped per employee. */
export const reportToText = (report: HoldingsReport): string => {
  const lines = [`Authorities held at ${report.at}`, '', `By grant (${report.byGrant.length}):`];
  for (const g of report.byGrant) {
    lines.push(`  ${who(g.employee)} [${g.role ?? '?'}] ${g.authority} (${g.authorityName}) — grant ${g.grantId}, ${scopeText(g.scope)}, ${g.validFrom} … ${g.validUntil}`);
    lines.push(
      `      applied ${who(g.chain.applicant)} · reviewed ${who(g.chain.reviewer) || '—'} · approved ${who(g.chain.approver) || '—'} · final ${who(g.chain.finalApprover) || '—'} · issued ${who(g.chain.issuer) || '—'}${g.chain.noticeNumber ? ` (${g.chain.noticeNumber})` : ''}${g.chain.changeId ? ` · change ${g.chain.changeId}` : ''}`,
    );
  }
  lines.push('', `By role (${report.byRole.length} holdings):`);
  const perEmployee = new Map<string, RoleHolding[]>();
  for (const r of report.byRole) perEmployee.set(r.employee.id, [...(perEmployee.get(r.employee.id) ?? []), r]);
  for (const holdings of perEmployee.values()) {
    const first = holdings[0] as RoleHolding;
    lines.push(`  ${who(first.employee)} [${first.role}${first.team ? `, ${first.team}` : ''}]: ${holdings.map((h) => h.authority).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
};

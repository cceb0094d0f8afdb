import { Injectable } from '@nestjs/common';
import type { EmployeeSnapshot } from '../../../../libs/domain/src/index.js';
import { hasScope, type Principal } from '../auth/principal.js';
import { DirectoryService } from '../directory/directory.service.js';
import { ForbiddenError } from '../shared/application-errors.js';

/** What a reader may see: everything, one team, or one employee. */
export type ReadScope = { readonly kind: 'all' } | { readonly kind: 'team'; readonly team: string } | { readonly kind: 'employee'; readonly employeeId: string };

const deny = (what: string): ForbiddenError => new ForbiddenError('NOT_ALLOWED_TO_READ', `you may not read ${what}`);

/**
 * Who may read decisions, samples and KPIs (SPEC §10), decided from the directory. A superior
 * sees their direct reports and, as a supervisor, their team; another team is 403.
 */
@Injectable()
export class SupervisionAccess {
  constructor(private readonly directory: DirectoryService) {}

  /** GET /v1/decisions: superiors, managers, compliance, `audit:read`. */
  decisions(principal: Principal, employeeId: string | undefined): Promise<ReadScope> {
    if (hasScope(principal, 'audit:read')) return Promise.resolve(employeeId === undefined ? { kind: 'all' } : { kind: 'employee', employeeId });
    return this.scoped(principal, employeeId, ['manager', 'compliance'], 'recorded decisions');
  }

  /** GET /v1/inspections/sample: superiors (their team) and managers. */
  async sample(principal: Principal): Promise<ReadScope> {
    const reader = await this.reader(principal, 'a spot-check sample');
    if (reader.role === 'manager') return { kind: 'all' };
    if (reader.role === 'supervisor' && reader.team !== null) return { kind: 'team', team: reader.team };
    throw deny('a spot-check sample');
  }

  /** GET /v1/kpis: superiors for their team, managers, compliance. */
  async kpis(principal: Principal, query: { readonly team?: string | undefined; readonly employeeId?: string | undefined }): Promise<ReadScope> {
    const reader = await this.reader(principal, 'KPIs');
    if (['manager', 'compliance'].includes(reader.role)) {
      if (query.employeeId !== undefined) return { kind: 'employee', employeeId: query.employeeId };
      return query.team === undefined ? { kind: 'all' } : { kind: 'team', team: query.team };
    }
    if (query.team !== undefined && query.team !== reader.team) throw deny(`the KPIs of team ${query.team}`);
    return this.scoped(principal, query.employeeId, [], 'KPIs');
  }

  private async scoped(principal: Principal, employeeId: string | undefined, unrestricted: readonly string[], what: string): Promise<ReadScope> {
    const reader = await this.reader(principal, what);
    if (unrestricted.includes(reader.role)) return employeeId === undefined ? { kind: 'all' } : { kind: 'employee', employeeId };
    if (employeeId === undefined) {
      if (reader.role === 'supervisor' && reader.team !== null) return { kind: 'team', team: reader.team };
      throw deny(what);
    }
    const subject = await this.directory.snapshot(employeeId);
    const ownTeam = reader.role === 'supervisor' && reader.team !== null && subject?.team === reader.team && subject.employeeId !== reader.employeeId;
    if (subject !== null && (subject.reportsTo === reader.employeeId || ownTeam)) return { kind: 'employee', employeeId };
    throw deny(`the ${what} of ${employeeId}`);
  }

  private async reader(principal: Principal, what: string): Promise<EmployeeSnapshot> {
    const reader = principal.kind === 'employee' ? await this.directory.snapshot(principal.id) : null;
    if (reader === null || reader.left) throw deny(what);
    return reader;
  }
}

import { Injectable } from '@nestjs/common';
import type { EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import { hasScope, type Principal } from '../../auth/principal.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { ForbiddenError } from '../../shared/application-errors.js';
import type { ReportView } from './report-view.js';

export type ReportReader = { readonly kind: 'all'; readonly employee: EmployeeSnapshot | null } | { readonly kind: 'supervisor'; readonly employee: EmployeeSnapshot };

const deny = (what: string): ForbiddenError => new ForbiddenError('NOT_ALLOWED_TO_READ', `you may not read ${what}`);

/** Reports: the subject's superior, the investigator, managers, compliance and `audit:read` (SPEC §10). */
@Injectable()
export class ReportAccess {
  constructor(private readonly directory: DirectoryService) {}

  /** The reader, or null for a principal who reads no report in full (they may still be its reporter). */
  async tryReader(principal: Principal): Promise<ReportReader | null> {
    try {
      return await this.reader(principal);
    } catch (error: unknown) {
      if (error instanceof ForbiddenError) return null;
      throw error;
    }
  }

  /** The reporter of this report: the employee who reported, or the principal (an employee or a `reports:write` service) that filed it. */
  isReporter(principal: Principal, view: ReportView): boolean {
    if (principal.kind === 'employee' && view.reporter.kind === 'employee' && view.reporter.employeeId === principal.id) return true;
    return view.reportedBy === principal.id && (principal.kind === 'employee' || hasScope(principal, 'reports:write'));
  }

  async reader(principal: Principal): Promise<ReportReader> {
    if (hasScope(principal, 'audit:read')) return { kind: 'all', employee: null };
    const employee = principal.kind === 'employee' ? await this.directory.snapshot(principal.id) : null;
    if (employee === null || employee.left) throw deny('reports');
    if (employee.role === 'manager' || employee.role === 'compliance') return { kind: 'all', employee };
    if (employee.role === 'supervisor') return { kind: 'supervisor', employee };
    throw deny('reports');
  }

  /** Whether a supervisor may see this report: they investigate it or supervise its subject now. */
  async mayRead(reader: ReportReader, view: ReportView): Promise<boolean> {
    if (reader.kind === 'all') return true;
    if (view.investigatorId === reader.employee.employeeId) return true;
    const subject = await this.directory.snapshot(view.subjectEmployeeId);
    return subject?.reportsTo === reader.employee.employeeId;
  }
}

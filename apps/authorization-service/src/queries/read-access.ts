import { Injectable } from '@nestjs/common';
import type { EmployeeSnapshot } from '../../../../libs/domain/src/index.js';
import { mayStandInFor, standsInFor } from '../../../../libs/domain/src/employee/stand-in.js';
import type { AppliedState } from '../workflow/authorization-runner.js';
import { type Principal, hasScope } from '../auth/principal.js';
import { DirectoryService } from '../directory/directory.service.js';
import { ForbiddenError } from '../shared/application-errors.js';

const deny = (what: string): ForbiddenError => new ForbiddenError('NOT_ALLOWED_TO_READ', `you may not read ${what}`);

/** Who may read what (SPEC §5 "Who may read"), decided on the server from the directory. */
@Injectable()
export class ReadAccess {
  constructor(private readonly directory: DirectoryService) {}

  async employee(principal: Principal): Promise<EmployeeSnapshot | null> {
    return principal.kind === 'employee' ? this.directory.snapshot(principal.id) : null;
  }

  directoryEntry(employeeId: string): Promise<EmployeeSnapshot | null> {
    return this.directory.snapshot(employeeId);
  }

  /**
   * The people `reader` stands in for (代理人, SPEC §11) at `now`: each in a period running then, of a
   * role `reader` may stand in for (from the stand-in read model, each checked on its own stream).
   */
  async standingInFor(reader: EmployeeSnapshot, now: string = new Date().toISOString()): Promise<EmployeeSnapshot[]> {
    const absent = await this.directory.absentFor(reader.employeeId, now);
    return absent.filter((person) => mayStandInFor(reader.role, person.role) && standsInFor(reader.employeeId, person, now));
  }

  /** Whether `reader` is `subject`'s superior, or stands in now for the superior (a review of `subject` is theirs then). */
  async superiorOrStandIn(reader: EmployeeSnapshot, subject: EmployeeSnapshot): Promise<boolean> {
    if (subject.reportsTo === reader.employeeId) return true;
    return (await this.standingInFor(reader)).some((absent) => subject.reportsTo === absent.employeeId);
  }

  /**
   * The grantee, the people of its approval chain, the grantee's superior, managers, executives, compliance, `audit:read`;
   * and, while they stand in, the stand-in of someone who reads it by a duty (chain or superior; not as its grantee).
   */
  async requireAuthorizationReader(principal: Principal, state: AppliedState): Promise<void> {
    if (hasScope(principal, 'audit:read')) return;
    const reader = await this.employee(principal);
    if (reader === null) throw deny('this authorization');
    if (['manager', 'executive', 'compliance'].includes(reader.role)) return;
    if (state.applicantId === reader.employeeId) return;
    const chain = [state.reviewerId, state.approverId, state.executiveId, state.notice?.issuerId];
    if (state.status === 'active' && state.pendingChange) {
      chain.push(state.pendingChange.reviewerId, state.pendingChange.approverId, state.pendingChange.executiveId, state.pendingChange.notice?.issuerId);
    }
    const grantee = await this.directory.snapshot(state.applicantId);
    const onDuty = (employeeId: string): boolean => chain.includes(employeeId) || grantee?.reportsTo === employeeId;
    if (onDuty(reader.employeeId)) return;
    if ((await this.standingInFor(reader)).some((absent) => onDuty(absent.employeeId))) return;
    throw deny('this authorization');
  }

  /** Permissions of an employee: themself, their superior, managers, compliance, `audit:read`, `checks:read`. */
  async requirePermissionsReader(principal: Principal, employeeId: string): Promise<void> {
    if (hasScope(principal, 'audit:read') || hasScope(principal, 'checks:read')) return;
    const reader = await this.employee(principal);
    if (reader === null) throw deny(`the permissions of ${employeeId}`);
    if (reader.employeeId === employeeId || ['manager', 'compliance'].includes(reader.role)) return;
    const subject = await this.directory.snapshot(employeeId);
    if (subject?.reportsTo === reader.employeeId) return;
    throw deny(`the permissions of ${employeeId}`);
  }

  /** Holders of an authority: managers, compliance, `audit:read`, `checks:read`. */
  async requireHoldersReader(principal: Principal): Promise<void> {
    if (hasScope(principal, 'audit:read') || hasScope(principal, 'checks:read')) return;
    const reader = await this.employee(principal);
    if (reader !== null && ['manager', 'compliance'].includes(reader.role)) return;
    throw deny('the holders of an authority');
  }

  /** The audit trail: compliance and `audit:read` only. */
  /**
   * The audit trail: compliance and `audit:read` only. Only compliance sees who an employee reporter
   * was (SPEC §10: the investigator and compliance; the investigator reads it on the report).
   */
  async requireAuditReader(principal: Principal): Promise<{ readonly seesEmployeeReporters: boolean }> {
    const reader = await this.employee(principal);
    if (reader?.role === 'compliance') return { seesEmployeeReporters: true };
    if (hasScope(principal, 'audit:read')) return { seesEmployeeReporters: false };
    throw deny('the audit trail');
  }
}

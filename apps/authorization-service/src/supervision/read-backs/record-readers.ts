import { Injectable } from '@nestjs/common';
import type { EmployeeSnapshot } from '../../../../../libs/domain/src/index.js';
import type { RecordScope } from '../../../../../libs/read-models/src/records/record.queries.js';
import type { Principal } from '../../auth/principal.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { ForbiddenError } from '../../shared/application-errors.js';

export const deny = (what: string): ForbiddenError => new ForbiddenError('NOT_ALLOWED_TO_READ', `you may not read ${what}`);

/**
 * Who reads the records of SPEC §11: an employee still employed. Managers and compliance read all of
 * a kind (`scope: all`); everyone else what the kind shows them (`scope: employee`), checked per record.
 */
@Injectable()
export class RecordReaders {
  constructor(readonly directory: DirectoryService) {}

  async employee(principal: Principal, what: string): Promise<EmployeeSnapshot> {
    const employee = principal.kind === 'employee' ? await this.directory.snapshot(principal.id) : null;
    if (employee === null || employee.left) throw deny(what);
    return employee;
  }

  scopeOf(reader: EmployeeSnapshot): RecordScope {
    return reader.role === 'manager' || reader.role === 'compliance' ? { kind: 'all' } : { kind: 'employee', id: reader.employeeId };
  }

  /** Whether `reader` supervises `employeeId` now. */
  async superiorOf(reader: EmployeeSnapshot, employeeId: string): Promise<boolean> {
    return (await this.directory.snapshot(employeeId))?.reportsTo === reader.employeeId;
  }
}

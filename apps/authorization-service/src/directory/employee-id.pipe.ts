import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFoundError } from '../shared/application-errors.js';
import { EMPLOYEE_ID_PATTERN } from './register-employee/register-employee.dto.js';

@Injectable()
export class EmployeeIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!EMPLOYEE_ID_PATTERN.test(value)) throw new NotFoundError('employee', value.slice(0, 64));
    return value;
  }
}

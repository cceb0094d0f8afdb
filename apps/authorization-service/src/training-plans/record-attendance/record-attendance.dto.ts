import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { EMPLOYEE_ID_PATTERN } from '../../directory/register-employee/register-employee.dto.js';

export class RecordAttendanceDto {
  @ApiProperty({ example: ['E101', 'E102'], maxItems: 500, items: { type: 'string', pattern: EMPLOYEE_ID_PATTERN.source } })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(EMPLOYEE_ID_PATTERN, { each: true })
  employeeIds!: string[];
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { REPORT_STATUSES, type ReportStatus } from '../../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../../directory/register-employee/register-employee.dto.js';
import { PageQueryDto } from '../../../shared/page-query.dto.js';
import { Omittable } from '../../../shared/validators.js';

export class ListReportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'E101' })
  @Omittable()
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  subjectEmployeeId?: string;

  @ApiPropertyOptional({ enum: REPORT_STATUSES })
  @Omittable()
  @IsIn(REPORT_STATUSES)
  status?: ReportStatus;
}

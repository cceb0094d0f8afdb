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

  @ApiPropertyOptional({
    enum: ['me'],
    description:
      "`me`: the caller's own reports — those an employee reported or filed, or a reports:write service filed — as their reporter reads them (status, finding, feedback; not the investigation notes). Open to every employee and to services with reports:write.",
  })
  @Omittable()
  @IsIn(['me'])
  filedBy?: 'me';
}

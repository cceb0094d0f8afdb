import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { EMPLOYEE_ID_PATTERN as EMPLOYEE_ID } from '../../directory/register-employee/register-employee.dto.js';
import { PageQueryDto } from '../../shared/page-query.dto.js';
import { Omittable } from '../../shared/validators.js';

const PERIOD = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;
const TEAM = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/;

export class ListEscalationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ pattern: EMPLOYEE_ID.source })
  @Omittable()
  @Matches(EMPLOYEE_ID)
  employeeId?: string;

  @ApiPropertyOptional({ enum: ['open', 'resolved'] })
  @Omittable()
  @IsIn(['open', 'resolved'])
  status?: 'open' | 'resolved';
}

export class ListSuggestionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'answered'] })
  @Omittable()
  @IsIn(['open', 'answered'])
  status?: 'open' | 'answered';
}

export class ListAssessmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ pattern: EMPLOYEE_ID.source })
  @Omittable()
  @Matches(EMPLOYEE_ID)
  employeeId?: string;

  @ApiPropertyOptional({ pattern: PERIOD.source, example: '2026-Q4' })
  @Omittable()
  @Matches(PERIOD)
  period?: string;
}

export class ListInspectionsQuery extends ListAssessmentsQuery {
  @ApiPropertyOptional({ pattern: TEAM.source })
  @Omittable()
  @Matches(TEAM)
  team?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Omittable()
  @IsIn(['true', 'false'])
  compliant?: 'true' | 'false';
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN, TEAM_PATTERN } from '../register-employee/register-employee.dto.js';
import { Omittable } from '../../shared/validators.js';

/** Absent: unchanged. `null` for team, reportsTo or department: cleared. */
export class UpdateEmployeeDto {
  @ApiPropertyOptional({ example: '陳小明' })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'B', nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @Matches(TEAM_PATTERN)
  team?: string | null;

  @ApiPropertyOptional({ example: 'S02', nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  reportsTo?: string | null;

  @ApiPropertyOptional({ example: 'customer-service', nullable: true })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(100)
  department?: string | null;
}

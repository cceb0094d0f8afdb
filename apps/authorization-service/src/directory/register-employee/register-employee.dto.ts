import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/domain/src/index.js';
import { Omittable } from '../../shared/validators.js';

export const EMPLOYEE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const TEAM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export class RegisterEmployeeDto {
  @ApiProperty({ example: 'E101' })
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN, { message: 'id must be 1-64 characters of letters, digits, . _ -' })
  id!: string;

  @ApiProperty({ example: '陳小明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'agent' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ example: 'A' })
  @Omittable()
  @IsString()
  @Matches(TEAM_PATTERN)
  team?: string;

  @ApiPropertyOptional({ example: 'S01', description: 'The direct superior (initial reviewer)' })
  @Omittable()
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  reportsTo?: string;

  @ApiPropertyOptional({ example: 'customer-service' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  department?: string;
}

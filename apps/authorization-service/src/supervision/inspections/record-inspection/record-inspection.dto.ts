import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { INSPECTION_KINDS, type InspectionKind } from '../../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../../directory/register-employee/register-employee.dto.js';
import { FREE_TEXT_MAX, Omittable } from '../../../shared/validators.js';

export const PERIOD_PATTERN = /^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/;
export const PERIOD_MESSAGE = 'period must be a month YYYY-MM or a quarter YYYY-Qn';

export class RecordInspectionDto {
  @ApiProperty({ example: 'E101' })
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  employeeId!: string;

  @ApiProperty({ enum: INSPECTION_KINDS })
  @IsIn(INSPECTION_KINDS)
  kind!: InspectionKind;

  @ApiPropertyOptional({ example: '2026-11', description: 'required for a periodic inspection' })
  @Omittable()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period?: string;

  @ApiProperty({ example: 'Three compensations checked, all within scope', maxLength: FREE_TEXT_MAX })
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  findings!: string;

  @ApiProperty()
  @IsBoolean()
  compliant!: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  authorizationIds?: string[];
}

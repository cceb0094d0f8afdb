import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX, IsInstant, Omittable } from '../../shared/validators.js';
import { EMPLOYEE_ID_PATTERN } from '../register-employee/register-employee.dto.js';

export class AppointStandInDto {
  @ApiProperty({ description: 'Who stands in (代理人): same role or higher', example: 'S02', pattern: EMPLOYEE_ID_PATTERN.source })
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  standInId!: string;

  // Not `format: date-time`: the one instant grammar (parseInstant) also takes the minute form
  // (T09:00Z), which JSON Schema's date-time refuses; a malformed instant is 400 naming the field.
  @ApiProperty({ description: 'Start of the period (inclusive): an ISO-8601 instant with offset', example: '2026-12-07T00:00:00Z' })
  @IsInstant()
  from!: string;

  @ApiProperty({ description: 'End of the period (exclusive); must lie in the future: an ISO-8601 instant with offset', example: '2026-12-14T00:00:00Z' })
  @IsInstant()
  until!: string;

  @ApiPropertyOptional({ example: 'annual leave', maxLength: FREE_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  reason?: string;
}

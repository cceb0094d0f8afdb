import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { CHANNELS } from '../../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../../directory/register-employee/register-employee.dto.js';
import { FREE_TEXT_MAX, Omittable } from '../../../shared/validators.js';

export class ReceiveFeedbackDto {
  @ApiProperty({ example: 'E101' })
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  employeeId!: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({ enum: CHANNELS })
  @Omittable()
  @IsIn(CHANNELS)
  channel?: string;

  @ApiPropertyOptional({ maxLength: FREE_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  comment?: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENT_RESULTS, CONSEQUENCES, type AssessmentResult, type Consequence } from '../../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../../directory/register-employee/register-employee.dto.js';
import { FREE_TEXT_MAX } from '../../../shared/validators.js';
import { PERIOD_MESSAGE, PERIOD_PATTERN } from '../../inspections/record-inspection/record-inspection.dto.js';

export class RecordAssessmentDto {
  @ApiProperty({ example: 'E101' })
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  employeeId!: string;

  @ApiProperty({ example: '2026-Q4' })
  @IsString()
  @Matches(PERIOD_PATTERN, { message: PERIOD_MESSAGE })
  period!: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  teamworkScore!: number;

  @ApiProperty({ enum: ASSESSMENT_RESULTS })
  @IsIn(ASSESSMENT_RESULTS)
  result!: AssessmentResult;

  @ApiProperty({ enum: CONSEQUENCES, isArray: true })
  @IsArray()
  @ArrayMaxSize(CONSEQUENCES.length)
  @ArrayUnique()
  @IsIn(CONSEQUENCES, { each: true })
  consequences!: Consequence[];

  @ApiProperty({ maxLength: FREE_TEXT_MAX })
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  notes!: string;
}

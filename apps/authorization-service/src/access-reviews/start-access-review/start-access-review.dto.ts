import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ACCESS_REVIEW_DECISIONS, type AccessReviewDecision } from '../../../../../libs/domain/src/index.js';
import { IsInstant, Omittable } from '../../shared/validators.js';

export const MATTER_PATTERN = /^[a-z][a-z0-9]*(?:\.[a-z][a-z0-9]*)*$/;

export class StartAccessReviewDto {
  @ApiProperty({ example: 'Team A grants, Q1 2027', minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional({ description: 'Only grants of this team (the applicant team of the grant)', example: 'A', maxLength: 64 })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ description: 'Only grants of these matters', example: ['fee.waive'], type: [String] })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(MATTER_PATTERN, { each: true })
  @MaxLength(100, { each: true })
  matters?: string[];

  @ApiProperty({ description: 'When the scheduler applies defaultDecision to every undecided item and closes it', example: '2027-01-15T00:00:00Z', format: 'date-time' })
  @IsInstant()
  dueAt!: string;

  @ApiProperty({ enum: ACCESS_REVIEW_DECISIONS, example: 'revoke' })
  @IsIn(ACCESS_REVIEW_DECISIONS)
  defaultDecision!: AccessReviewDecision;
}

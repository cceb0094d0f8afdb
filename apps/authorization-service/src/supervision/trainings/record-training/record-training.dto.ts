import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { IsInstant } from '../../../shared/validators.js';
import { COURSE_PATTERN } from '../../reports/conclude-report/conclude-report.dto.js';

export class RecordTrainingDto {
  @ApiProperty({ example: 'privacy-basics' })
  @IsString()
  @Matches(COURSE_PATTERN, { message: 'course must be a course id such as privacy-basics' })
  course!: string;

  @ApiProperty({ example: '2026-11-20T10:00:00Z' })
  @IsInstant()
  completedAt!: string;
}

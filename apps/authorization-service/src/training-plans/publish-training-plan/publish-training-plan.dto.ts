import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ROLES, SESSION_MODES } from '../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../directory/register-employee/register-employee.dto.js';
import { IsInstant, Omittable } from '../../shared/validators.js';

const COURSE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export class PlannedSessionDto {
  @ApiProperty({ example: '2027-02-01T09:00:00Z' })
  @IsInstant()
  at!: string;

  @ApiPropertyOptional({ description: 'An employee leading the session (who may record its attendance); or `lecturer`', pattern: EMPLOYEE_ID_PATTERN.source })
  @Omittable()
  @Matches(EMPLOYEE_ID_PATTERN)
  lecturerId?: string;

  @ApiPropertyOptional({ description: 'A lecturer named in free text; or `lecturerId`', maxLength: 200 })
  @Omittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  lecturer?: string;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn(SESSION_MODES)
  mode!: (typeof SESSION_MODES)[number];
}

export class PlannedCourseDto {
  @ApiProperty({ example: 'privacy-basics', pattern: COURSE_ID.source })
  @Matches(COURSE_ID)
  course!: string;

  @ApiProperty({ example: 'Privacy basics', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles!: string[];

  @ApiProperty({ type: [PlannedSessionDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlannedSessionDto)
  sessions!: PlannedSessionDto[];
}

export class PublishTrainingPlanDto {
  @ApiProperty({ example: 2027, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: [PlannedCourseDto], maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlannedCourseDto)
  courses!: PlannedCourseDto[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { REPORT_CATEGORIES, REPORTER_KINDS, type ReportCategory, type ReporterKind } from '../../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../../directory/register-employee/register-employee.dto.js';
import { FREE_TEXT_MAX, Omittable } from '../../../shared/validators.js';

export class ReporterDto {
  @ApiProperty({ enum: REPORTER_KINDS })
  @IsIn(REPORTER_KINDS)
  kind!: ReporterKind;

  @ApiPropertyOptional({ example: '+86 138 0000 0000', maxLength: 200 })
  @Omittable()
  @IsString()
  @MaxLength(200)
  contact?: string;
}

export class FileReportDto {
  @ApiProperty({ example: 'E101' })
  @IsString()
  @Matches(EMPLOYEE_ID_PATTERN)
  subjectEmployeeId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Omittable()
  @IsUUID()
  authorizationId?: string;

  @ApiProperty({ enum: REPORT_CATEGORIES })
  @IsIn(REPORT_CATEGORIES)
  category!: ReportCategory;

  @ApiProperty({ example: 'Issued 5000 CNY compensation on chat', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  description!: string;

  @ApiProperty({ type: ReporterDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ReporterDto)
  reporter!: ReporterDto;
}

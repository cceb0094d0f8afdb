import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsString, IsUUID, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { FINDINGS, type Finding } from '../../../../../../libs/domain/src/index.js';
import { FREE_TEXT_MAX } from '../../../shared/validators.js';

export const COURSE_PATTERN = /^[a-z][a-z0-9_.-]{0,99}$/;
const ACTION_TYPES = ['revoke', 'warning', 'training'] as const;

/** `{type: revoke, authorizationId} | {type: warning} | {type: training, course}`. */
export class ReportActionDto {
  @ApiProperty({ enum: ACTION_TYPES })
  @IsIn(ACTION_TYPES)
  type!: (typeof ACTION_TYPES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'for revoke' })
  @ValidateIf((action: ReportActionDto) => action.type === 'revoke' || action.authorizationId !== undefined)
  @IsUUID()
  authorizationId?: string;

  @ApiPropertyOptional({ example: 'privacy-basics', description: 'for training' })
  @ValidateIf((action: ReportActionDto) => action.type === 'training' || action.course !== undefined)
  @IsString()
  @Matches(COURSE_PATTERN, { message: 'course must be a course id such as privacy-basics' })
  course?: string;
}

export class ConcludeReportDto {
  @ApiProperty({ enum: FINDINGS })
  @IsIn(FINDINGS)
  finding!: Finding;

  @ApiProperty({ example: 'Confirmed from the call recording', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  summary!: string;

  @ApiProperty({ type: [ReportActionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReportActionDto)
  actions!: ReportActionDto[];
}

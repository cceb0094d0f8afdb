import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { DEPARTMENT_MAX_LENGTH, DEPARTMENT_PATTERN } from '../../../../../libs/domain/src/index.js';

/** `copiesTo` omitted or null: the matter's default and required departments (SPEC §12); `[]`: none, where none is required. */
export class IssueNoticeDto {
  @ApiPropertyOptional({
    description: "Departments that receive a copy (lower-case slugs). Omitted or null: the matter's default plus required departments; a list must name every required one (422 COPY_REQUIRED).",
    example: ['finance', 'quality'],
    isArray: true,
    type: String,
    nullable: true,
    maxItems: 50,
  })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(DEPARTMENT_MAX_LENGTH, { each: true })
  @Matches(DEPARTMENT_PATTERN, { each: true, message: 'each department must be a lower-case slug such as finance or it-security' })
  copiesTo?: string[] | null;
}

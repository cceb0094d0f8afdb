import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MEETING_KINDS, type MeetingKind } from '../../../../../libs/domain/src/index.js';
import { EMPLOYEE_ID_PATTERN } from '../../directory/register-employee/register-employee.dto.js';
import { FREE_TEXT_MAX, IsInstant, Omittable } from '../../shared/validators.js';

export const TEAM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/;

export class MeetingActionDto {
  @ApiProperty({ example: 'E101', pattern: EMPLOYEE_ID_PATTERN.source })
  @Matches(EMPLOYEE_ID_PATTERN)
  owner!: string;

  @ApiProperty({ example: 'Publish the holiday rota', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  text!: string;

  @ApiProperty({ example: '2026-12-15T00:00:00Z' })
  @IsInstant()
  dueAt!: string;
}

export class RecordMeetingDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @ApiPropertyOptional({ example: 'A', pattern: TEAM_PATTERN.source })
  @Omittable()
  @Matches(TEAM_PATTERN)
  team?: string;

  @ApiProperty({ example: '2026-12-01T09:00:00Z' })
  @IsInstant()
  heldAt!: string;

  @ApiProperty({ example: ['S01', 'E101', 'E102'], maxItems: 200, items: { type: 'string', pattern: EMPLOYEE_ID_PATTERN.source } })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @Matches(EMPLOYEE_ID_PATTERN, { each: true })
  attendees!: string[];

  @ApiProperty({ example: 'Holiday rota agreed; night shift briefed on the new fee rules', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  minutes!: string;

  @ApiProperty({ type: [MeetingActionDto], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeetingActionDto)
  actions!: MeetingActionDto[];
}

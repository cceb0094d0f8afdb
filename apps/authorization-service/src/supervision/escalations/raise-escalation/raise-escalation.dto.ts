import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CHANNELS, type Channel } from '../../../../../../libs/domain/src/index.js';
import { FREE_TEXT_MAX, Omittable } from '../../../shared/validators.js';

/** The context of the problem, as a check would have carried it. */
export class EscalationContextDto {
  @ApiPropertyOptional({ example: 3000 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount?: number;

  @ApiPropertyOptional({ enum: CHANNELS })
  @Omittable()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class RaiseEscalationDto {
  @ApiProperty({ example: 'compensation.issue' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'authority must be a catalogue id such as compensation.issue' })
  authority!: string;

  @ApiPropertyOptional({ type: EscalationContextDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => EscalationContextDto)
  context?: EscalationContextDto;

  @ApiProperty({ example: 'Customer asks for 3000 CNY, above my limit', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  summary!: string;
}

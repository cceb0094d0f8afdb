import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FREE_TEXT_MAX, IsInstant, ScopeDto, Omittable } from '../../shared/validators.js';

export class RequestChangeDto {
  @ApiPropertyOptional({ type: ScopeDto, example: { maxAmount: 1500 } })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;

  @ApiPropertyOptional({ example: '2027-04-01T00:00:00Z' })
  @Omittable()
  @IsInstant()
  validUntil?: string;

  @ApiProperty({ example: 'Peak season: higher compensation limit', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  reason!: string;
}

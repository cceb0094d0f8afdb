import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FREE_TEXT_MAX, IsInstant, ScopeDto } from '../../shared/validators.js';

export class RequestChangeDto {
  @ApiPropertyOptional({ type: ScopeDto, example: { maxAmount: 1500 } })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope?: ScopeDto;

  @ApiPropertyOptional({ example: '2027-04-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  validUntil?: string;

  @ApiProperty({ example: 'Peak season: higher compensation limit', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsNotEmpty, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { FREE_TEXT_MAX, IsInstant, ScopeDto } from '../../shared/validators.js';

export class ApplyForAuthorizationDto {
  @ApiProperty({ example: 'compensation.issue', description: 'A grantable matter of the catalogue' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_.-]{0,99}$/, { message: 'matter must be a catalogue id such as compensation.issue' })
  matter!: string;

  @ApiProperty({ type: ScopeDto, example: { maxAmount: 800, channels: ['phone'] } })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ScopeDto)
  scope!: ScopeDto;

  @ApiProperty({ example: 'Handle goodwill compensation for delayed deliveries', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  reason!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00Z' })
  @IsInstant()
  validFrom!: string;

  @ApiProperty({ example: '2027-03-01T00:00:00Z' })
  @IsInstant()
  validUntil!: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../shared/validators.js';

export class CompleteAuthorizationDto {
  @ApiPropertyOptional({ example: 'Campaign finished', maxLength: FREE_TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  note?: string;
}

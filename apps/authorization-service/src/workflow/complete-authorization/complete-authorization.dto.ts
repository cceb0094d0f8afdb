import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX, Omittable } from '../../shared/validators.js';

export class CompleteAuthorizationDto {
  @ApiPropertyOptional({ example: 'Campaign finished', maxLength: FREE_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  note?: string;
}

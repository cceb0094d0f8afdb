import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX, Omittable } from '../../shared/validators.js';

export class RecordDepartureDto {
  @ApiPropertyOptional({ example: 'resigned', maxLength: FREE_TEXT_MAX })
  @Omittable()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  reason?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../shared/validators.js';

export class RecordDepartureDto {
  @ApiPropertyOptional({ example: 'resigned', maxLength: FREE_TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  reason?: string;
}

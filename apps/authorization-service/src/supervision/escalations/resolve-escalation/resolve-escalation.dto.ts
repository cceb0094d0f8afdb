import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../../shared/validators.js';

export class ResolveEscalationDto {
  @ApiProperty({ example: 'Approved 3000 CNY as a one-off', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  resolution!: string;
}

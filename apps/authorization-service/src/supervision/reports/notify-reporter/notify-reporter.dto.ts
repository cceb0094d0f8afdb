import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../../shared/validators.js';

export class NotifyReporterDto {
  @ApiProperty({ example: 'Thank you: the grant was revoked and the agent retrained.', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  message!: string;
}

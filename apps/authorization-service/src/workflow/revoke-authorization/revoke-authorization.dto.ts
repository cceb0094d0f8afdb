import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../shared/validators.js';

export class RevokeAuthorizationDto {
  @ApiProperty({ example: 'Compensation issued outside the approved channel', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  reason!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX, Omittable } from '../../../shared/validators.js';

export class SubmitSuggestionDto {
  @ApiProperty({ example: 'Let agents waive fees up to 50 CNY without applying', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  text!: string;

  @ApiPropertyOptional({ default: false })
  @Omittable()
  @IsBoolean()
  anonymous?: boolean;
}

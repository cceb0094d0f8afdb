import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../../shared/validators.js';

export class AnswerSuggestionDto {
  @ApiProperty({ example: 'Adopted from next quarter', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  response!: string;

  @ApiProperty()
  @IsBoolean()
  adopted!: boolean;
}

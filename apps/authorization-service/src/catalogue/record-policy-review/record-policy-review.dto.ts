import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../shared/validators.js';

export class RecordPolicyReviewDto {
  @ApiProperty({ example: 'Fee waivers above 1000 CNY were escalated 40 times this year', maxLength: FREE_TEXT_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(FREE_TEXT_MAX)
  findings!: string;

  @ApiProperty({ example: 'Raise the fee.waive final-approval threshold to 1500 CNY', maxLength: FREE_TEXT_MAX })
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  changesProposed!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { ACCESS_REVIEW_DECISIONS, type AccessReviewDecision } from '../../../../../libs/domain/src/index.js';
import { FREE_TEXT_MAX } from '../../shared/validators.js';

export class DecideAccessReviewItemDto {
  @ApiProperty({ enum: ACCESS_REVIEW_DECISIONS, example: 'keep' })
  @IsIn(ACCESS_REVIEW_DECISIONS)
  decision!: AccessReviewDecision;

  @ApiProperty({ description: 'Why; required (not blank) to revoke', example: 'Still handles VIP complaints', maxLength: FREE_TEXT_MAX })
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  note!: string;
}

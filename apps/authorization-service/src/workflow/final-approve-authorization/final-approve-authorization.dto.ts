import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { FREE_TEXT_MAX } from '../../shared/validators.js';

export class FinalApproveAuthorizationDto {
  @ApiProperty({ enum: ['approve', 'reject'], example: 'approve' })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';

  @ApiProperty({ description: 'Signed opinion; may be empty when passing/approving, required when rejecting', example: 'Agreed: within the team budget', maxLength: FREE_TEXT_MAX })
  @IsString()
  @MaxLength(FREE_TEXT_MAX)
  opinion!: string;
}

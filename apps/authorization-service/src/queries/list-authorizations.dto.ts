import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const STATUSES = [
  'pending_review',
  'pending_approval',
  'pending_final_approval',
  'pending_notice',
  'pending_acknowledgement',
  'active',
  'rejected',
  'withdrawn',
  'expired',
  'completed',
  'revoked',
] as const;

export class ListAuthorizationsQueryDto {
  @ApiPropertyOptional({ example: 'E101' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: 'compensation.issue' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  matter?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit must be an integer between 1 and 500' })
  limit?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '../shared/validators.js';

export class AuditExportQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class AuditQueryDto extends AuditExportQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  authorizationId?: string;

  @ApiPropertyOptional({ example: 'E101' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;

  @ApiPropertyOptional({ example: 'M01' })
  @IsOptional()
  @Matches(/^(?:svc:)?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  actorId?: string;

  @ApiPropertyOptional({ example: 'NoticeIssued' })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,64}$/)
  type?: string;

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

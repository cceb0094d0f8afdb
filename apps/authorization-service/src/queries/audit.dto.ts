import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../shared/page-query.dto.js';
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

export class AuditQueryDto extends IntersectionType(PageQueryDto, AuditExportQueryDto) {
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
}

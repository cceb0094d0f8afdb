import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../shared/page-query.dto.js';
import { IsInstant, Omittable } from '../shared/validators.js';

export class AuditExportQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z' })
  @Omittable()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z' })
  @Omittable()
  @IsInstant()
  to?: string;
}

export class AuditQueryDto extends IntersectionType(PageQueryDto, AuditExportQueryDto) {
  @ApiPropertyOptional()
  @Omittable()
  @IsUUID()
  authorizationId?: string;

  @ApiPropertyOptional({ example: 'E101' })
  @Omittable()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;

  @ApiPropertyOptional({ example: 'M01' })
  @Omittable()
  @Matches(/^(?:svc:)?[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  actorId?: string;

  @ApiPropertyOptional({ example: 'NoticeIssued' })
  @Omittable()
  @Matches(/^[A-Za-z]{1,64}$/)
  type?: string;
}

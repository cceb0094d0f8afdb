import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../shared/page-query.dto.js';
import { IsInstant, Omittable } from '../../shared/validators.js';

export class ListDecisionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'E101' })
  @Omittable()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;

  @ApiPropertyOptional({ example: 'compensation.issue' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  authority?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @Omittable()
  @IsIn(['true', 'false'])
  allowed?: 'true' | 'false';

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'inclusive, on the decision time' })
  @Omittable()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'exclusive, on the decision time' })
  @Omittable()
  @IsInstant()
  to?: string;
}

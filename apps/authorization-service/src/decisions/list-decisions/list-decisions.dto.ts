import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../shared/page-query.dto.js';
import { IsInstant } from '../../shared/validators.js';

export class ListDecisionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'E101' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;

  @ApiPropertyOptional({ example: 'compensation.issue' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  authority?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  allowed?: 'true' | 'false';

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'inclusive, on the decision time' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', description: 'exclusive, on the decision time' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

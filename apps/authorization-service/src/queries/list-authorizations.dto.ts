import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { AUTHORIZATION_STATUSES } from '../../../../libs/read-models/src/index.js';
import { PageQueryDto } from '../shared/page-query.dto.js';
import { Omittable } from '../shared/validators.js';

export const STATUSES = AUTHORIZATION_STATUSES;

export class ListAuthorizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'E101' })
  @Omittable()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;

  @ApiPropertyOptional({ enum: STATUSES })
  @Omittable()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ example: 'compensation.issue' })
  @Omittable()
  @IsString()
  @MaxLength(100)
  matter?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../shared/page-query.dto.js';
import { Omittable } from '../../shared/validators.js';

export class ListAccessReviewsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @Omittable()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

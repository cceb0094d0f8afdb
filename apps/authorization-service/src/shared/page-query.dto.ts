import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from './validators.js';

/** `cursor` and `limit` of every list (SPEC §5): opaque cursor, limit 1..500 (default 50). */
export class PageQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor)' })
  @Omittable()
  @IsString()
  @MaxLength(512)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @Omittable()
  @Matches(/^(?:[1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit must be an integer between 1 and 500' })
  limit?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '../../shared/validators.js';

/** Most names a picker is shown at once. */
export const SEARCH_LIMIT_MAX = 20;
export const SEARCH_LIMIT_DEFAULT = 10;
/** Fewest characters a search takes: the directory is not listed whole. */
export const SEARCH_QUERY_MIN = 2;
export const SEARCH_QUERY_MAX = 64;

/**
 * Not blank (one character other than ASCII white space) and no NUL (PostgreSQL's text refuses it);
 * written so the documented pattern means the same to every regex engine (no `\s`, whose Unicode
 * members differ between them).
 */
const SEARCHABLE = '^[^\\u0000]*[^\\t\\n\\u000b\\f\\r \\u0000][^\\u0000]*$';

/** `GET /v1/employees?q=&limit=`: a bounded name search for pickers. */
export class SearchEmployeesQueryDto {
  @ApiProperty({
    minLength: SEARCH_QUERY_MIN,
    maxLength: SEARCH_QUERY_MAX,
    pattern: SEARCHABLE,
    description: 'Part of the name (any case), or the start of the employee id',
    example: 'Agent',
  })
  @IsString()
  @MinLength(SEARCH_QUERY_MIN)
  @MaxLength(SEARCH_QUERY_MAX)
  @Matches(new RegExp(SEARCHABLE), {
    message: 'q must contain a character other than white space, and no NUL',
  })
  q!: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: SEARCH_LIMIT_MAX,
    default: SEARCH_LIMIT_DEFAULT,
  })
  @Omittable()
  @Matches(/^(?:[1-9]|1\d|20)$/, {
    message: `limit must be an integer between 1 and ${SEARCH_LIMIT_MAX}`,
  })
  limit?: string;
}

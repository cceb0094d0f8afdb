import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import { Omittable } from '../../shared/validators.js';

export class GetKpisQueryDto {
  @ApiProperty({
    example: '2026-Q4',
    description: 'A calendar month YYYY-MM or quarter YYYY-Qn (UTC) of the years 1970..9998 (others: 400 INVALID_PERIOD)',
    pattern: '^(?:19[7-9][0-9]|[2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])-(?:0[1-9]|1[0-2]|Q[1-4])$',
  })
  @Matches(/^\d{4}-(?:0[1-9]|1[0-2]|Q[1-4])$/, { message: 'period must be YYYY-MM or YYYY-Qn' })
  period!: string;

  @ApiPropertyOptional({ example: 'A' })
  @Omittable()
  @IsString()
  @MaxLength(64)
  team?: string;

  @ApiPropertyOptional({ example: 'E101' })
  @Omittable()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
  employeeId?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { Omittable } from '../../shared/validators.js';

export class InspectionSampleQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @Omittable()
  @Matches(/^(?:[1-9]\d?|100)$/, { message: 'size must be an integer between 1 and 100' })
  size?: string;
}

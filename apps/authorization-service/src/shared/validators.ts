import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, Equals, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { CHANNELS, type Channel } from '../../../../libs/domain/src/index.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit offset (`2026-12-01T09:00:00Z`): a date alone is ambiguous. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      ...(options ? { options } : {}),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && INSTANT.test(value) && Number.isFinite(Date.parse(value)),
        defaultMessage: () => `${String(propertyName)} must be an ISO-8601 instant with offset, e.g. 2026-12-01T09:00:00Z`,
      },
    });
}

export const FREE_TEXT_MAX = 2000;

export class ScopeDto {
  @ApiPropertyOptional({ description: 'Maximum amount in CNY (integer)', example: 800, minimum: 1, maximum: 100000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  maxAmount?: number;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, example: ['phone'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels?: Channel[];
}

/** Copies a validated ScopeDto into a plain object (no class instance, no undefined keys). */
export const plainScope = (scope: ScopeDto | undefined): { maxAmount?: number; channels?: Channel[] } => ({
  ...(scope?.maxAmount !== undefined ? { maxAmount: scope.maxAmount } : {}),
  ...(scope?.channels !== undefined ? { channels: [...scope.channels] } : {}),
});

/**
 * A body that carries no fields (`{}`). class-validator's forbidUnknownValues refuses a class with no
 * metadata, so one never-present property registers the class; whitelisting still refuses any field.
 */
export class EmptyBodyDto {
  @Equals(undefined)
  readonly _?: never;
}

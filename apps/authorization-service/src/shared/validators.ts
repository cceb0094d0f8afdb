import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, Equals, ArrayUnique, IsArray, IsIn, IsInt, Max, Min, registerDecorator, ValidateIf, type ValidationOptions } from 'class-validator';
import { CHANNELS, type Channel, isInstant } from '../../../../libs/domain/src/index.js';

/**
 * The field may be left out; when it is present, even as `null`, it must be valid. (class-validator's
 * `@Omittable()` also lets `null` through, which no field of this API means.)
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);

/**
 * An ISO-8601 instant with an explicit offset (`2026-12-01T09:00:00Z`): a date alone is ambiguous, and
 * a date that does not exist (`2027-02-30`) is refused rather than rolled over (the domain's parseInstant).
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      ...(options ? { options } : {}),
      validator: {
        validate: (value: unknown) => isInstant(value),
        defaultMessage: () => `${String(propertyName)} must be an ISO-8601 instant with offset, e.g. 2026-12-01T09:00:00Z`,
      },
    });
}

export const FREE_TEXT_MAX = 2000;

export class ScopeDto {
  @ApiPropertyOptional({ description: 'Maximum amount in CNY (integer)', example: 800, minimum: 1, maximum: 100000 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(100000)
  maxAmount?: number;

  @ApiPropertyOptional({ enum: CHANNELS, isArray: true, example: ['phone'] })
  @Omittable()
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

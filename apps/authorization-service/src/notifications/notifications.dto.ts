import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { LANGUAGES, type Language } from '../../../../libs/messages/src/index.js';
import { Omittable } from '../shared/validators.js';

/** An address the service will send to: local part, `@`, a dotted domain (no display names, no spaces). */
export const EMAIL_PATTERN = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,63}$/;

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only unread; false: only read; absent: all' })
  @Omittable()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor)' })
  @Omittable()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'cursor must be a nextCursor of an earlier page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @Omittable()
  @Matches(/^(?:[1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit must be an integer between 1 and 500' })
  limit?: string;
}

export class FailedNotificationsQueryDto {
  @ApiPropertyOptional({ enum: ['email', 'webhook'], description: 'Only this channel' })
  @Omittable()
  @IsIn(['email', 'webhook'])
  channel?: 'email' | 'webhook';

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page (nextCursor)' })
  @Omittable()
  @Matches(/^[1-9]\d{0,17}\.(?:email|webhook)$/, { message: 'cursor must be a nextCursor of an earlier page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @Omittable()
  @Matches(/^(?:[1-9]\d?|[1-4]\d\d|500)$/, { message: 'limit must be an integer between 1 and 500' })
  limit?: string;
}

/** PUT replaces the settings (SPEC §12): absent `email` is none, absent `webhook` is false. */
export class NotificationSettingsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'e101@callcenter.example', description: 'Where e-mails go; null: no e-mail' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(254)
  @Matches(EMAIL_PATTERN, { message: 'email must be an e-mail address such as e101@callcenter.example' })
  email?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Whether the deployment’s webhook receives your notifications' })
  @Omittable()
  @IsBoolean()
  webhook?: boolean;

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES)
  language!: Language;
}

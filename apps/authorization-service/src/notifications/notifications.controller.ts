import { Controller, createParamDecorator, type ExecutionContext, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Catalogue } from '../../../../libs/domain/src/index.js';
import { notificationView } from '../../../../libs/notifications/src/delivery/channel.js';
import type { StoredNotification } from '../../../../libs/notifications/src/notification.js';
import { NotificationStore } from '../../../../libs/notifications/src/notification.store.js';
import { renderNotification } from '../../../../libs/notifications/src/render.js';
import { CATALOGUE } from '../../../../libs/platform/src/index.js';
import { type Language, negotiateLanguage } from '../../../../libs/messages/src/index.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { hasScope, type Principal } from '../auth/principal.js';
import { ApiAnswers, pageOf } from '../http/openapi.js';
import { ReadAccess } from '../queries/read-access.js';
import { ForbiddenError, NotFoundError } from '../shared/application-errors.js';
import { FAILED_NOTIFICATION, NOTIFICATION } from './notification.schemas.js';
import { FailedNotificationsQueryDto, ListNotificationsQueryDto } from './notifications.dto.js';

/** The request's Accept-Language, optional (a plain `@Headers()` parameter would be documented as required). */
const AcceptLanguage = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value: unknown = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers['accept-language'];
  return typeof value === 'string' ? value : undefined;
});
const ACCEPT_LANGUAGE = { name: 'accept-language', required: false, description: 'zh-Hant or en (RFC 4647); else the employee’s setting' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Each employee reads their own notifications, in their language (SPEC §12); services have none. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(
    private readonly store: NotificationStore,
    private readonly access: ReadAccess,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Get()
  @ApiHeader(ACCEPT_LANGUAGE)
  @ApiOperation({ summary: 'My notifications, newest first: {items, nextCursor}' })
  @ApiAnswers({ status: 200, description: 'A page of notifications', schema: pageOf(NOTIFICATION) }, 400, 403)
  async list(@Query() query: ListNotificationsQueryDto, @CurrentPrincipal() principal: Principal, @AcceptLanguage() accept?: string) {
    const employeeId = ownerOf(principal);
    const language = await this.languageOf(employeeId, accept);
    const page = await this.store.list(employeeId, {
      limit: query.limit === undefined ? 50 : Number(query.limit),
      ...(query.unread === undefined ? {} : { unread: query.unread === 'true' }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
    });
    return { items: page.items.map((n) => this.view(n, language)), nextCursor: page.nextCursor };
  }

  @Get('failed')
  @ApiOperation({ summary: 'Deliveries given up after the retry budget (compliance, audit:read)' })
  @ApiAnswers({ status: 200, description: 'A page of failed deliveries', schema: pageOf(FAILED_NOTIFICATION) }, 400, 403)
  async failed(@Query() query: FailedNotificationsQueryDto, @CurrentPrincipal() principal: Principal) {
    if (!hasScope(principal, 'audit:read')) {
      const reader = await this.access.employee(principal);
      if (reader?.role !== 'compliance') throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'failed deliveries are for compliance and audit:read');
    }
    return this.store.listFailed({
      limit: query.limit === undefined ? 50 : Number(query.limit),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.channel === undefined ? {} : { channel: query.channel }),
    });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiHeader(ACCEPT_LANGUAGE)
  @ApiOperation({ summary: 'Marks one of my notifications read (idempotent)' })
  @ApiAnswers({ status: 200, description: 'The notification, read', schema: NOTIFICATION }, 403, 404)
  async read(@Param('id') id: string, @CurrentPrincipal() principal: Principal, @AcceptLanguage() accept?: string) {
    const employeeId = ownerOf(principal);
    const read = UUID.test(id) ? await this.store.markRead(employeeId, id.toLowerCase(), new Date()) : null;
    if (read === null) throw new NotFoundError('notification', id.slice(0, 64));
    return this.view(read, await this.languageOf(employeeId, accept));
  }

  /** Accept-Language when it asks for one of ours (SPEC §12), else the employee's setting. */
  private async languageOf(employeeId: string, accept: string | undefined): Promise<Language> {
    return negotiateLanguage(accept, (await this.store.recipient(employeeId)).language);
  }

  private view(notification: StoredNotification, language: Language) {
    return notificationView({ notification, texts: renderNotification(notification, language, this.catalogue) });
  }
}

function ownerOf(principal: Principal): string {
  if (principal.kind !== 'employee') throw new ForbiddenError('EMPLOYEE_REQUIRED', 'notifications are for employees; services have none');
  return principal.id;
}

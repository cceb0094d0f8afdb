import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationStore } from '../../../../libs/notifications/src/notification.store.js';
import type { NotificationSettings } from '../../../../libs/notifications/src/notification-settings.js';
import { CurrentPrincipal } from '../auth/current-principal.decorator.js';
import { hasScope, type Principal } from '../auth/principal.js';
import { DirectoryService } from '../directory/directory.service.js';
import { EmployeeIdPipe } from '../directory/employee-id.pipe.js';
import { ApiAnswers } from '../http/openapi.js';
import { ForbiddenError, NotFoundError } from '../shared/application-errors.js';
import { NOTIFICATION_SETTINGS } from './notification.schemas.js';
import { NotificationSettingsDto } from './notifications.dto.js';

/** How an employee is told (SPEC §12, Settings): the employee or `directory:write` only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/employees')
export class NotificationSettingsController {
  constructor(
    private readonly store: NotificationStore,
    private readonly directory: DirectoryService,
  ) {}

  @Get(':id/notification-settings')
  @ApiOperation({ summary: 'The notification settings (until set: zh-Hant, no channel)' })
  @ApiAnswers({ status: 200, description: 'The settings', schema: NOTIFICATION_SETTINGS }, 403, 404)
  async get(@Param('id', EmployeeIdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<NotificationSettings> {
    await this.authorize(id, principal);
    return this.store.settings(id);
  }

  @Put(':id/notification-settings')
  @ApiOperation({ summary: 'Replaces the notification settings: {email, webhook, language}' })
  @ApiAnswers({ status: 200, description: 'The settings now', schema: NOTIFICATION_SETTINGS }, 400, 403, 404)
  async put(@Param('id', EmployeeIdPipe) id: string, @Body() body: NotificationSettingsDto, @CurrentPrincipal() principal: Principal): Promise<NotificationSettings> {
    await this.authorize(id, principal);
    return this.store.saveSettings(id, { email: body.email ?? null, webhook: body.webhook ?? false, language: body.language }, new Date());
  }

  private async authorize(id: string, principal: Principal): Promise<void> {
    const allowed = (principal.kind === 'employee' && principal.id === id) || hasScope(principal, 'directory:write');
    if (!allowed) throw new ForbiddenError('NOT_ALLOWED_TO_READ', 'only the employee or directory:write manage notification settings');
    if ((await this.directory.status(id)) === 'unknown') throw new NotFoundError('employee', id);
  }
}

import { Module } from '@nestjs/common';
import { NotificationStore } from '../../../../libs/notifications/src/notification.store.js';
import { SQL_CLIENT, type SqlClient } from '../../../../libs/sql/src/sql-client.port.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { NotificationSettingsController } from './notification-settings.controller.js';
import { NotificationsController } from './notifications.controller.js';

const NOTIFICATION_CONTROLLERS = [NotificationsController, NotificationSettingsController];
const NOTIFICATION_PROVIDERS = [{ provide: NotificationStore, useFactory: (sql: SqlClient) => new NotificationStore(sql), inject: [SQL_CLIENT] }];

/** Notifications to people (SPEC §12): the lists, read marks and settings. Delivery is the worker's (libs/notifications). */
@Module({ imports: [DirectoryModule, QueriesModule], controllers: NOTIFICATION_CONTROLLERS, providers: NOTIFICATION_PROVIDERS })
export class NotificationsModule {}

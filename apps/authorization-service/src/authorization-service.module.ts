import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadModelsModule } from '../../../libs/read-models/src/index.js';
import { AccessReviewsModule } from './access-reviews/access-reviews.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CatalogueModule } from './catalogue/catalogue.module.js';
import { ChecksModule } from './checks/checks.module.js';
import { PermissionIndexModule } from './checks/permission-index.module.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { HealthModule } from './health/health.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { IdempotencyInterceptorProvider } from './http/idempotency.interceptor.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { QueriesModule } from './queries/queries.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import { TrainingPlansModule } from './training-plans/training-plans.module.js';
import { WorkflowModule } from './workflow/workflow.module.js';

/** One Nest module per area; each imports the areas it reads through their exports. */
const AREAS = [HealthModule, AuthModule, WorkflowModule, DirectoryModule, QueriesModule, ChecksModule, PermissionIndexModule, SupervisionModule, DecisionsModule, CatalogueModule, NotificationsModule, AccessReviewsModule, TrainingPlansModule, MeetingsModule];

/**
 * The HTTP API: workflow commands, directory, queries and checks. Needs the PlatformModule (config,
 * catalogue, stores) and the read models; composed alone (apps/authorization-service/src/main.ts) or
 * with the projector, relay and scheduler in one process (apps/all-in-one).
 */
@Module({
  imports: [CqrsModule.forRoot(), ReadModelsModule, ...AREAS],
  // The idempotency interceptor belongs to the HTTP edge, not to an area.
  providers: [IdempotencyInterceptorProvider],
})
export class AuthorizationServiceModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { CheckMetrics } from './check-metrics.js';
import { CheckRoutes } from './check-routes.js';
import { PermissionIndexModule } from './permission-index.module.js';
import { PermissionsController } from './permissions.controller.js';

const CHECK_CONTROLLERS = [PermissionsController];
const CHECK_PROVIDERS = [CheckRoutes, CheckMetrics];

/** Checks (the raw POST /v1/checks routes), an employee's permissions and an authority's holders. */
@Module({
  imports: [AuthModule, DecisionsModule, DirectoryModule, QueriesModule, PermissionIndexModule],
  controllers: CHECK_CONTROLLERS,
  providers: CHECK_PROVIDERS,
})
export class ChecksModule {}

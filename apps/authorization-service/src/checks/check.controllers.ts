import { CheckMetrics } from './check-metrics.js';
import { CheckRoutes } from './check-routes.js';
import { PermissionsController } from './permissions.controller.js';

export const CHECK_CONTROLLERS = [PermissionsController];
export const CHECK_PROVIDERS = [CheckRoutes, CheckMetrics];

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '../../../libs/platform/src/index.js';
import { ReadModelsModule } from '../../../libs/read-models/src/index.js';
import { AuthGuard } from './auth/auth.guard.js';
import { Authenticator } from './auth/authenticator.js';
import { DEV_JWT_SECRET, ensureDevSecret } from '../../../libs/platform/src/index.js';
import { PermissionIndexService } from './checks/permission-index.service.js';
import { CHECK_CONTROLLERS, CHECK_PROVIDERS } from './checks/check.controllers.js';
import { DirectoryService, EMPLOYEE_STATUS_SOURCE } from './directory/directory.service.js';
import { EmployeeRunner } from './directory/employee-runner.js';
import { GetEmployeeController } from './directory/get-employee/get-employee.controller.js';
import { RecordDepartureController } from './directory/record-departure/record-departure.controller.js';
import { RecordDepartureHandler } from './directory/record-departure/record-departure.handler.js';
import { RegisterEmployeeController } from './directory/register-employee/register-employee.controller.js';
import { RegisterEmployeeHandler } from './directory/register-employee/register-employee.handler.js';
import { UpdateEmployeeController } from './directory/update-employee/update-employee.controller.js';
import { UpdateEmployeeHandler } from './directory/update-employee/update-employee.handler.js';
import { DecisionsModule } from './decisions/decisions.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import { HealthController } from './health/health.controller.js';
import { READINESS_PROBES } from './health/readiness.js';
import { IdempotencyInterceptorProvider } from './http/idempotency.interceptor.js';
import { QUERY_CONTROLLERS, QUERY_PROVIDERS } from './queries/queries.js';
import { ReadAccess } from './queries/read-access.js';
import { ReadModelConsistency } from './queries/read-model-consistency.js';
import { AcknowledgeNoticeController } from './workflow/acknowledge-notice/acknowledge-notice.controller.js';
import { AcknowledgeNoticeHandler } from './workflow/acknowledge-notice/acknowledge-notice.handler.js';
import { ApplyForAuthorizationController } from './workflow/apply-for-authorization/apply-for-authorization.controller.js';
import { ApplyForAuthorizationHandler } from './workflow/apply-for-authorization/apply-for-authorization.handler.js';
import { ApproveAuthorizationController } from './workflow/approve-authorization/approve-authorization.controller.js';
import { ApproveAuthorizationHandler } from './workflow/approve-authorization/approve-authorization.handler.js';
import { AuthorizationRunner } from './workflow/authorization-runner.js';
import { CompleteAuthorizationController } from './workflow/complete-authorization/complete-authorization.controller.js';
import { CompleteAuthorizationHandler } from './workflow/complete-authorization/complete-authorization.handler.js';
import { DESIGNATION_SOURCE } from './workflow/designation-source.js';
import { FinalApproveAuthorizationController } from './workflow/final-approve-authorization/final-approve-authorization.controller.js';
import { FinalApproveAuthorizationHandler } from './workflow/final-approve-authorization/final-approve-authorization.handler.js';
import { IssueNoticeController } from './workflow/issue-notice/issue-notice.controller.js';
import { IssueNoticeHandler } from './workflow/issue-notice/issue-notice.handler.js';
import { RequestChangeController } from './workflow/request-change/request-change.controller.js';
import { RequestChangeHandler } from './workflow/request-change/request-change.handler.js';
import { ReviewAuthorizationController } from './workflow/review-authorization/review-authorization.controller.js';
import { ReviewAuthorizationHandler } from './workflow/review-authorization/review-authorization.handler.js';
import { RevokeAuthorizationController } from './workflow/revoke-authorization/revoke-authorization.controller.js';
import { RevokeAuthorizationHandler } from './workflow/revoke-authorization/revoke-authorization.handler.js';
import { WithdrawApplicationController } from './workflow/withdraw-application/withdraw-application.controller.js';
import { WithdrawApplicationHandler } from './workflow/withdraw-application/withdraw-application.handler.js';

const WORKFLOW_CONTROLLERS = [
  ApplyForAuthorizationController,
  ReviewAuthorizationController,
  ApproveAuthorizationController,
  FinalApproveAuthorizationController,
  IssueNoticeController,
  AcknowledgeNoticeController,
  RequestChangeController,
  RevokeAuthorizationController,
  CompleteAuthorizationController,
  WithdrawApplicationController,
];
const WORKFLOW_HANDLERS = [
  ApplyForAuthorizationHandler,
  ReviewAuthorizationHandler,
  ApproveAuthorizationHandler,
  FinalApproveAuthorizationHandler,
  IssueNoticeHandler,
  AcknowledgeNoticeHandler,
  RequestChangeHandler,
  RevokeAuthorizationHandler,
  CompleteAuthorizationHandler,
  WithdrawApplicationHandler,
];
const DIRECTORY_CONTROLLERS = [RegisterEmployeeController, UpdateEmployeeController, RecordDepartureController, GetEmployeeController];
const DIRECTORY_HANDLERS = [RegisterEmployeeHandler, UpdateEmployeeHandler, RecordDepartureHandler];

const INFRASTRUCTURE = [
  DirectoryService,
  Authenticator,
  ReadAccess,
  AuthorizationRunner,
  EmployeeRunner,
  PermissionIndexService,
  IdempotencyInterceptorProvider,
  { provide: APP_GUARD, useClass: AuthGuard },
  { provide: DEV_JWT_SECRET, useFactory: (config: AppConfig) => ensureDevSecret(config), inject: [APP_CONFIG] },
  { provide: EMPLOYEE_STATUS_SOURCE, useExisting: PermissionIndexService },
  { provide: DESIGNATION_SOURCE, useExisting: PermissionIndexService },
  { provide: READINESS_PROBES, useFactory: (index: PermissionIndexService, models: ReadModelConsistency) => [index, models], inject: [PermissionIndexService, ReadModelConsistency] },
];

/**
 * The HTTP API: workflow commands, directory, queries and checks. Needs the PlatformModule (config,
 * catalogue, stores) and the read models; composed alone (apps/authorization-service/src/main.ts) or
 * with the projector, relay and scheduler in one process (apps/all-in-one).
 */
@Module({
  imports: [CqrsModule.forRoot(), ReadModelsModule, SupervisionModule, DecisionsModule],
  controllers: [HealthController, ...WORKFLOW_CONTROLLERS, ...DIRECTORY_CONTROLLERS, ...QUERY_CONTROLLERS, ...CHECK_CONTROLLERS],
  providers: [...INFRASTRUCTURE, ...WORKFLOW_HANDLERS, ...DIRECTORY_HANDLERS, ...QUERY_PROVIDERS, ...CHECK_PROVIDERS],
})
export class AuthorizationServiceModule {}

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PermissionIndexModule } from '../checks/permission-index.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { AcknowledgeNoticeController } from './acknowledge-notice/acknowledge-notice.controller.js';
import { AcknowledgeNoticeHandler } from './acknowledge-notice/acknowledge-notice.handler.js';
import { ApplyForAuthorizationController } from './apply-for-authorization/apply-for-authorization.controller.js';
import { ApplyForAuthorizationHandler } from './apply-for-authorization/apply-for-authorization.handler.js';
import { ApproveAuthorizationController } from './approve-authorization/approve-authorization.controller.js';
import { ApproveAuthorizationHandler } from './approve-authorization/approve-authorization.handler.js';
import { AuthorizationRunner } from './authorization-runner.js';
import { CompleteAuthorizationController } from './complete-authorization/complete-authorization.controller.js';
import { CompleteAuthorizationHandler } from './complete-authorization/complete-authorization.handler.js';
import { FinalApproveAuthorizationController } from './final-approve-authorization/final-approve-authorization.controller.js';
import { FinalApproveAuthorizationHandler } from './final-approve-authorization/final-approve-authorization.handler.js';
import { IssueNoticeController } from './issue-notice/issue-notice.controller.js';
import { IssueNoticeHandler } from './issue-notice/issue-notice.handler.js';
import { RequestChangeController } from './request-change/request-change.controller.js';
import { RequestChangeHandler } from './request-change/request-change.handler.js';
import { ReviewAuthorizationController } from './review-authorization/review-authorization.controller.js';
import { ReviewAuthorizationHandler } from './review-authorization/review-authorization.handler.js';
import { RevokeAuthorizationController } from './revoke-authorization/revoke-authorization.controller.js';
import { RevokeAuthorizationHandler } from './revoke-authorization/revoke-authorization.handler.js';
import { WithdrawApplicationController } from './withdraw-application/withdraw-application.controller.js';
import { WithdrawApplicationHandler } from './withdraw-application/withdraw-application.handler.js';

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

/** The authorization workflow (SPEC §4): apply, review, approve, notice, acknowledge, change, revoke, complete, withdraw. */
@Module({
  imports: [CqrsModule, DirectoryModule, PermissionIndexModule],
  controllers: WORKFLOW_CONTROLLERS,
  providers: [AuthorizationRunner, ...WORKFLOW_HANDLERS],
  exports: [AuthorizationRunner],
})
export class WorkflowModule {}

import { Module } from '@nestjs/common';
import { ReadModelsModule } from '../../../../libs/read-models/src/index.js';
import { RecordsModule } from '../../../../libs/read-models/src/records/records.module.js';
import { PermissionIndexModule } from '../checks/permission-index.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { AuditAnchorKeyModule } from '../../../../libs/read-models/src/audit/anchors/audit-anchors.module.js';
import { AuditController, AuditPublicKeyController } from './audit.controller.js';
import { GetAuthorizationController } from './get-authorization/get-authorization.controller.js';
import { InboxController } from './inbox.controller.js';
import { ListAuthorizationsController } from './list-authorizations.controller.js';
import { ReadAccess } from './read-access.js';
import { ReadModelConsistency } from './read-model-consistency.js';

const QUERY_CONTROLLERS = [GetAuthorizationController, ListAuthorizationsController, InboxController, AuditController, AuditPublicKeyController];
const QUERY_PROVIDERS = [ReadAccess, ReadModelConsistency];

/** Reads: one authorization, lists, the inbox and the audit trail, with who may read what. */
@Module({
  imports: [AuditAnchorKeyModule, ReadModelsModule, RecordsModule, DirectoryModule, WorkflowModule, PermissionIndexModule],
  controllers: QUERY_CONTROLLERS,
  providers: QUERY_PROVIDERS,
  exports: QUERY_PROVIDERS,
})
export class QueriesModule {}

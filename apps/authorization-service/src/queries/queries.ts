import { AuditController } from './audit.controller.js';
import { GetAuthorizationController } from './get-authorization/get-authorization.controller.js';
import { InboxController } from './inbox.controller.js';
import { ListAuthorizationsController } from './list-authorizations.controller.js';
import { ReadModelConsistency } from './read-model-consistency.js';

export const QUERY_CONTROLLERS = [GetAuthorizationController, ListAuthorizationsController, InboxController, AuditController];
export const QUERY_PROVIDERS = [ReadModelConsistency];

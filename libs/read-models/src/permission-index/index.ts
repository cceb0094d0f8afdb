export { PermissionIndex, type IndexableEvent, type PermissionIndexPolicy } from './permission-index.js';
export type {
  AllowReason,
  CheckContext,
  CheckQuery,
  CheckReason,
  CheckResult,
  ContextField,
  DenyReason,
  GrantInForce,
  Holder,
  Permissions,
} from './check-result.js';

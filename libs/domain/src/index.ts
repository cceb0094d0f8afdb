/** Public API of the pure domain (SPEC §3, §4, §6). Imports nothing outside this library. */
export * from './ids.js';
export * from './events.js';
export * from './commands.js';
export * from './errors.js';
export type { Decider } from './decider.js';
export { fold, foldStored } from './decider.js';
export type { EventCodec, KnownEvent, KnownEventType, StoredEvent, Upcaster } from './codec/event-codec.js';
export {
  accessReviewEvents,
  assessmentEvents,
  authorizationEvents,
  currentSchemaVersion,
  decodeAccessReviewEvent,
  decodeDomainEvent,
  decodeEvent,
  decodeSupervisionEvent,
  employeeEvents,
  escalationEvents,
  feedbackEvents,
  inspectionEvents,
  isAuthorizationStreamEvent,
  isEmployeeStreamEvent,
  reportEvents,
  suggestionEvents,
  withSchemaVersion,
} from './codec/event-codec.js';

export type { Catalogue, CopyRule, DisplayNames, FinalApprovalRule, MatterPolicy, MatterScopeRule } from './catalogue/catalogue.js';
export { DEPARTMENT_MAX_LENGTH, DEPARTMENT_PATTERN, NO_COPY_RULE, copyRuleOf, isDepartment, resolveCopies, unionOfCopies } from './authorization/copies.js';
export { CatalogueError } from './catalogue/catalogue-error.js';
export { parseCatalogue } from './catalogue/parse-catalogue.js';
export { finalApprovalReason, finalApprovalRuleText } from './catalogue/final-approval.js';

export type { CheckContext } from './scope.js';
export { finalApprovalRequired, validateScope } from './scope.js';

export type { EmployeeState } from './employee/employee.decider.js';
export {
  decide as decideEmployee,
  employeeDecider,
  evolve as evolveEmployee,
  initialState as initialEmployeeState,
  toSnapshot,
} from './employee/employee.decider.js';
export { validateReportsTo } from './employee/reports-to.js';

export type {
  Acknowledgement,
  ActiveState,
  AppliedState,
  AuthorizationState,
  AuthorizationStatus,
  EndedState,
  InitialState,
  Notice,
  OpenStep,
  PendingChange,
  PendingState,
  Reminder,
  TerminalStatus,
  WorkflowRecord,
  WorkflowStage,
} from './authorization/authorization.state.js';
export { TERMINAL_STATUSES, WORKFLOW_STAGES, isTerminal, openStep } from './authorization/authorization.state.js';
export {
  authorizationDecider,
  decide as decideAuthorization,
  evolve as evolveAuthorization,
  initialState as initialAuthorizationState,
} from './authorization/authorization.decider.js';
export type { AuthorizationSummary } from './authorization/terms-in-force.js';
export { authorizationSummary, termsInForce } from './authorization/terms-in-force.js';
export type { EndReason, Ended, GrantHistory, InForce, TermsSegment } from './authorization/grant-history.js';
export { EMPTY_GRANT_HISTORY, grantHistoryOf, termsSegment, withAcknowledgement, withEnd, withNotice } from './authorization/grant-history.js';
export type { ContextField, Denial, Denied, GrantVerdict, GrantVerdictReason, MissingContext, TermsVerdict } from './authorization/grant-verdict.js';
export { grantVerdict, scopeVerdict, termsVerdict } from './authorization/grant-verdict.js';
export { isInstant, MAX_INSTANT_MS, parseInstant } from './instant.js';
export * from './supervision/index.js';
export * from './access-review/index.js';
export { mayStandInFor, runsAt as standInRunsAt, standsInFor } from './employee/stand-in.js';

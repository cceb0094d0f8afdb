/**
 * Every notice source of the service, one per stream category. A new message type: a source file
 * in ./sources, its line here, its JSON Schema and its AsyncAPI message (libs/contracts).
 */
import { NoticeSourceRegistry, registered } from './notice-source.js';
import { accessReviewSource } from './sources/access-review.source.js';
import { assessmentSource } from './sources/assessment.source.js';
import { auditAnchorSource } from './sources/audit-anchor.source.js';
import { authorizationSource } from './sources/authorization.source.js';
import { employeeSource } from './sources/employee.source.js';
import { reportSource } from './sources/report.source.js';

export const NOTICE_SOURCES = new NoticeSourceRegistry([
  registered(authorizationSource),
  registered(reportSource),
  registered(accessReviewSource),
  registered(assessmentSource),
  registered(auditAnchorSource),
  registered(employeeSource),
]);

/** Which pages a role sees, each shown only when the API offers what it needs (its OpenAPI paths). */
export interface NavItem {
  readonly key: string;
  readonly path: string;
  readonly needs: string;
}

const EMPLOYEE_ROLES = ['agent', 'tech_support', 'supervisor', 'manager', 'executive'];
const LEADERS = ['supervisor', 'manager', 'executive'];

const PAGES: readonly (NavItem & { readonly roles: readonly string[] })[] = [
  { key: 'mine', path: '/', needs: '/v1/authorizations', roles: EMPLOYEE_ROLES },
  { key: 'apply', path: '/apply', needs: '/v1/applications', roles: ['agent', 'tech_support', 'supervisor'] },
  { key: 'worklist', path: '/worklist', needs: '/v1/inbox', roles: EMPLOYEE_ROLES },
  { key: 'notifications', path: '/notifications', needs: '/v1/notifications', roles: EMPLOYEE_ROLES },
  { key: 'team', path: '/team', needs: '/v1/authorizations', roles: LEADERS },
  { key: 'supervision', path: '/supervision', needs: '/v1/kpis', roles: [...LEADERS, 'compliance'] },
  { key: 'escalations', path: '/escalations', needs: '/v1/escalations', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'reports', path: '/reports', needs: '/v1/reports', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'inspections', path: '/inspections', needs: '/v1/inspections', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'assessments', path: '/assessments', needs: '/v1/assessments', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'accessReviews', path: '/access-reviews', needs: '/v1/access-reviews/{id}/items/{authorizationId}/decision', roles: [...LEADERS, 'compliance'] },
  { key: 'standIns', path: '/stand-ins', needs: '/v1/employees/{id}/stand-ins', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'suggestions', path: '/suggestions', needs: '/v1/suggestions', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'meetings', path: '/meetings', needs: '/v1/meetings', roles: [...EMPLOYEE_ROLES, 'compliance'] },
  { key: 'audit', path: '/audit', needs: '/v1/audit', roles: ['compliance'] },
  { key: 'pointInTime', path: '/point-in-time', needs: '/v1/authorities/{authority}/holders', roles: ['compliance', 'manager'] },
  { key: 'verify', path: '/verify', needs: '/v1/audit/export', roles: ['compliance'] },
];

export function navigationFor(role: string, paths: ReadonlySet<string>): NavItem[] {
  return PAGES.filter((page) => page.roles.includes(role) && paths.has(page.needs));
}

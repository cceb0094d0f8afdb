/** Who is calling: an employee (powers from the directory) or an internal service (powers from `scope`). */
export type Principal =
  | { readonly kind: 'employee'; readonly id: string }
  | { readonly kind: 'service'; readonly id: string; readonly scopes: ReadonlySet<string> };

export const SERVICE_SCOPES = ['checks:read', 'directory:write', 'audit:read', 'reports:write', 'feedback:write'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

export const hasScope = (principal: Principal, scope: ServiceScope): boolean => principal.kind === 'service' && principal.scopes.has(scope);

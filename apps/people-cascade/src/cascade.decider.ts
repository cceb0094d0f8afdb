/**
 * The cascade's decision for one authorization, taken on the authorization's CURRENT state (not on
 * the read model, which may be behind): revoke an active grant, withdraw an open application, or
 * nothing. Delegates every rule to the authorization decider.
 */
import {
  authorizationDecider,
  WORKFLOW_STAGES,
  type AuthorizationEvent,
  type AuthorizationState,
  type Catalogue,
  type EmployeeSnapshot,
  type Principal,
  type Role,
} from '../../../libs/domain/src/index.js';

export const CASCADE_ACTOR: Principal = { kind: 'system', id: 'people-cascade' };

export type CascadeCommand =
  | { readonly type: 'CascadeLeaver'; readonly data: { readonly grantee: EmployeeSnapshot; readonly now: string } }
  | { readonly type: 'CascadeRoleChange'; readonly data: { readonly grantee: EmployeeSnapshot; readonly newRole: Role; readonly now: string } };

/** Whether `role` may hold `matter` under the catalogue (a matter the catalogue no longer has: no one may). */
export const eligible = (catalogue: Catalogue, matter: string, role: Role): boolean => catalogue.matters[matter]?.eligibleRoles.includes(role) ?? false;

const isOpen = (state: AuthorizationState): boolean => (WORKFLOW_STAGES as readonly string[]).includes(state.status);

export const cascadeDecider = (catalogue: Catalogue) => ({
  codec: authorizationDecider.codec,
  initialState: authorizationDecider.initialState,
  evolve: authorizationDecider.evolve,
  decide(command: CascadeCommand, state: AuthorizationState): AuthorizationEvent[] {
    const { grantee, now } = command.data;
    switch (command.type) {
      case 'CascadeLeaver':
        if (state.status === 'active') {
          const data = { actor: CASCADE_ACTOR, grantee, reason: 'employee-left', cause: 'employee-left' as const, now };
          return authorizationDecider.decide({ type: 'RevokeAuthorization', data }, state);
        }
        if (isOpen(state)) return authorizationDecider.decide({ type: 'WithdrawApplication', data: { actor: CASCADE_ACTOR, reason: 'employee-left', now } }, state);
        return [];
      case 'CascadeRoleChange':
        if (state.status !== 'active' || eligible(catalogue, state.terms.matter, command.data.newRole)) return [];
        return authorizationDecider.decide(
          { type: 'RevokeAuthorization', data: { actor: CASCADE_ACTOR, grantee, reason: 'role-changed', cause: 'role-changed', now } },
          state,
        );
      default: {
        const _exhaustive: never = command;
        return _exhaustive;
      }
    }
  },
});

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ProblemException } from '../http/problem.js';
import type { AuthenticatedRequest } from './auth.guard.js';
import type { Principal } from './principal.js';

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new ProblemException(401, 'UNAUTHENTICATED', 'no principal');
  return principal;
});

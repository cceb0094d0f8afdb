import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator.js';
import type { Principal } from './principal.js';
import { IS_PUBLIC } from './public.decorator.js';

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** Global guard: every route needs a principal unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticator.authenticate(request.headers.authorization, 1, context.switchToHttp().getResponse<FastifyReply>());
    return true;
  }
}

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'authz:public';
/** Marks a route as reachable without a token. Every other route requires a principal (deny by default). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

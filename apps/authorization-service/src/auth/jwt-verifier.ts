import { createRemoteJWKSet, type JWTPayload, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../../../../libs/platform/src/index.js';
import type { Principal } from './principal.js';

/** Algorithms are pinned: HS256 for a shared secret, asymmetric ones for a JWKS. `none` never. */
const HMAC_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;
const EMPLOYEE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SERVICE_ID = /^svc:[a-z0-9][a-z0-9._-]{0,63}$/;

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

export interface TokenVerifier {
  verify(token: string): Promise<{ principal: Principal; expiresAt: number }>;
}

export function createTokenVerifier(auth: AppConfig['auth'], secret: string | null): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey | null = secret ? new TextEncoder().encode(secret) : auth.jwksUrl ? createRemoteJWKSet(new URL(auth.jwksUrl)) : null;
  if (key === null) throw new Error('no token verification key configured');
  const options = {
    algorithms: secret ? HMAC_ALGORITHMS : JWKS_ALGORITHMS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub'],
    ...(auth.issuer ? { issuer: auth.issuer } : {}),
    ...(auth.audience ? { audience: auth.audience } : {}),
  };
  return {
    async verify(token: string) {
      let payload: JWTPayload;
      try {
        // jose's overloads differ for a key and a key getter; both are valid here.
        payload = (typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options)).payload;
      } catch (error: unknown) {
        throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
      }
      return { principal: toPrincipal(payload), expiresAt: (payload.exp ?? 0) * 1000 };
    },
  };
}

function toPrincipal(payload: JWTPayload): Principal {
  // RFC 7519 §4.1.2: a StringOrURI. A number (`101`) would otherwise be read as employee "101".
  const sub: unknown = payload.sub;
  if (typeof sub !== 'string') throw new InvalidTokenError('sub must be a string');
  if (SERVICE_ID.test(sub)) {
    const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
    return { kind: 'service', id: sub, scopes: new Set(scope.split(' ').filter(Boolean)) };
  }
  if (EMPLOYEE_ID.test(sub)) return { kind: 'employee', id: sub };
  throw new InvalidTokenError('sub is neither an employee id nor svc:<name>');
}

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

/**
 * The keys of an OpenID Connect issuer (SPEC §13): its discovery document names `jwks_uri`, read on
 * the first token and again after a failure, so an issuer that starts after the API is still found.
 */
export function issuerKeys(issuer: string, fetchJson: (url: string) => Promise<unknown> = fetchDiscovery): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    const document = await fetchJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    const jwksUri = document && typeof document === 'object' ? (document as { jwks_uri?: unknown }).jwks_uri : undefined;
    if (typeof jwksUri !== 'string') throw new InvalidTokenError('the issuer\'s discovery document names no jwks_uri');
    return createRemoteJWKSet(new URL(jwksUri));
  };
  return async (header, token) => {
    keys ??= discover().catch((error: unknown) => {
      keys = null;
      throw error instanceof InvalidTokenError ? error : new InvalidTokenError(`the issuer's keys could not be read: ${error instanceof Error ? error.message : String(error)}`);
    });
    return (await keys)(header, token);
  };
}

async function fetchDiscovery(url: string): Promise<unknown> {
  const answer = await fetch(url, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
  if (!answer.ok) throw new Error(`${url} answered ${answer.status}`);
  return answer.json();
}

export function createTokenVerifier(auth: AppConfig['auth'], secret: string | null): TokenVerifier {
  const key: Uint8Array | JWTVerifyGetKey | null = secret
    ? new TextEncoder().encode(secret)
    : auth.jwksUrl
      ? createRemoteJWKSet(new URL(auth.jwksUrl))
      : auth.oidcIssuer
        ? issuerKeys(auth.oidcIssuer)
        : null;
  if (key === null) throw new Error('no token verification key configured');
  // With OIDC the issuer and audience are always checked: the issuer's own, the console's client id.
  const issuer = auth.issuer ?? (secret || auth.jwksUrl ? null : auth.oidcIssuer);
  const audience = auth.audience ?? (secret || auth.jwksUrl ? null : auth.oidcClientId);
  const options = {
    algorithms: secret ? HMAC_ALGORITHMS : JWKS_ALGORITHMS,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'sub'],
    ...(issuer ? { issuer } : {}),
    ...(audience ? { audience } : {}),
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

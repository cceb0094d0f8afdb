// HS256 bearer tokens for benchmarks, minted like test/support/test-app.ts (`mint`).
import { SignJWT } from 'jose';

export const BENCH_SECRET = 'bench-secret-of-at-least-thirty-two-characters!!';

/** A token for `sub` (an employee id or `svc:<name>`), optionally with a space-separated `scope`. */
export async function mint(sub, { scope, expiresIn = '2h', secret = BENCH_SECRET } = {}) {
  return new SignJWT(scope ? { scope } : {})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/**
 * Spreads autocannon `requests` over `callers` service principals (svc:bench-0 …, each with `scope`):
 * every service has its own rate budget (600,000 a minute by default), so a benchmark measures one
 * replica's capacity under many callers, as in production, without raising the limit. Each request
 * object gets its caller's Authorization header; autocannon cycles the list per connection.
 */
export async function overCallers(requests, { callers = 64, scope = 'checks:read' } = {}) {
  const tokens = await Promise.all(Array.from({ length: callers }, (_, i) => mint(`svc:bench-${i}`, { scope })));
  return Array.from({ length: requests.length * callers }, (_, i) => ({ ...requests[i % requests.length], headers: { authorization: `Bearer ${tokens[i % callers]}` } }));
}

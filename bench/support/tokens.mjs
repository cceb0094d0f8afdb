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

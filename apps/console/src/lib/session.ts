/**
 * The signed-in person: an access token kept in sessionStorage (SPEC §13), gone with the tab.
 * Server state (who they are, their tasks) lives in the data layer, not here.
 */
export interface Session {
  readonly token: string;
  readonly employeeId: string;
  /** Epoch ms when the token expires. */
  readonly expiresAt: number;
  readonly method: 'demo' | 'oidc';
}

const KEY = 'console.session';
const RETURN_KEY = 'console.returnTo';
const EXPIRED_KEY = 'console.expired';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function readSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (typeof session.token !== 'string' || typeof session.employeeId !== 'string' || session.expiresAt <= now) return null;
    return session;
  } catch {
    return null;
  }
}

/** Whether a session is stored, even one past its `expiresAt`: a refused request then ends it (back to sign-in). */
export const hasStoredSession = (): boolean => sessionStorage.getItem(KEY) !== null;

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  for (const listener of listeners) listener(session);
}

/** Ends the session; `returnTo` is where sign-in brings the person back (their form's draft is kept). */
export function endSession(returnTo?: string): void {
  sessionStorage.removeItem(KEY);
  if (returnTo) {
    sessionStorage.setItem(RETURN_KEY, returnTo);
    sessionStorage.setItem(EXPIRED_KEY, '1');
  }
  for (const listener of listeners) listener(null);
}

export function takeReturnTo(): string | null {
  const path = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return path && path.startsWith('/') && !path.startsWith('//') ? path : null;
}

/** Whether the last session ended by itself (expired or refused), once: the sign-in page says so. */
export function takeExpired(): boolean {
  const expired = sessionStorage.getItem(EXPIRED_KEY) === '1';
  sessionStorage.removeItem(EXPIRED_KEY);
  return expired;
}

/** Where to come back to after signing in, when nobody asked for another place yet. */
export function rememberReturnTo(path: string): void {
  if (!sessionStorage.getItem(RETURN_KEY)) sessionStorage.setItem(RETURN_KEY, path);
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The `exp` and `sub` of a JWT, read without verifying (the API verifies). */
export function tokenClaims(token: string): { sub: string; exp: number } | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown; exp?: unknown };
    return typeof json.sub === 'string' && typeof json.exp === 'number' ? { sub: json.sub, exp: json.exp } : null;
  } catch {
    return null;
  }
}

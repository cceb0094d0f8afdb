import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { endSession, onSessionChange, readSession, rememberReturnTo } from '../lib/session';

const subscribe = (notify: () => void) => onSessionChange(notify);
const snapshot = () => readSession()?.token ?? null;

/** Signed-in pages: without a session (never signed in, expired, refused by the API) go to sign-in and come back. */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const token = useSyncExternalStore(subscribe, snapshot);
  const location = useLocation();
  const session = readSession();
  useEffect(() => {
    if (!session) return;
    const timer = setTimeout(() => endSession(`${location.pathname}${location.search}`), Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, location.pathname, location.search]);
  if (token === null) {
    rememberReturnTo(`${location.pathname}${location.search}`);
    return <Navigate to="/signin" replace />;
  }
  return <>{children}</>;
}

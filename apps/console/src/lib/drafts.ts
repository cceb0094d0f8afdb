import { useCallback, useMemo } from 'react';
import { readSession } from './session';

/** Where a person's draft of form `key` is kept: one person's draft is never another's form. */
export const draftKey = (employeeId: string | undefined, key: string): string => `console.draft.${employeeId ?? 'anonymous'}.${key}`;

/**
 * A form's unsent content, kept in the tab's sessionStorage as it is typed, so that a session that
 * expires (or that the API refuses) mid-form comes back to it after sign-in: sessionStorage outlives
 * the session (which is only its `console.session` entry), and the form reads its draft when it mounts.
 * Cleared once the form is sent.
 */
export function useDraft<T extends object>(key: string): { initial: Partial<T> | undefined; save: (values: Partial<T>) => void; clear: () => void } {
  const storageKey = draftKey(readSession()?.employeeId, key);
  const initial = useMemo(() => {
    const raw = sessionStorage.getItem(storageKey);
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as Partial<T>;
    } catch {
      return undefined;
    }
  }, [storageKey]);
  const save = useCallback((values: Partial<T>) => sessionStorage.setItem(storageKey, JSON.stringify(values)), [storageKey]);
  const clear = useCallback(() => sessionStorage.removeItem(storageKey), [storageKey]);
  return { initial, save, clear };
}

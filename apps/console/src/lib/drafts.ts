import { useCallback, useMemo } from 'react';

/**
 * A form's unsent content, kept in sessionStorage so that a session that expires mid-form comes
 * back to it after sign-in (SPEC issue: "without losing the form's content").
 */
export function useDraft<T extends object>(key: string): { initial: Partial<T> | undefined; save: (values: Partial<T>) => void; clear: () => void } {
  const storageKey = `console.draft.${key}`;
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

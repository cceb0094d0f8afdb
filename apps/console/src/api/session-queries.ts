import { useQuery } from '@tanstack/react-query';
import { unwrap } from './client';
import { getEmployeeControllerGet } from './generated/sdk.gen';

/** The signed-in person's directory entry: their role decides which pages the console offers. */
export const useEmployee = (id: string | undefined) =>
  useQuery({ queryKey: ['employee', id], queryFn: () => unwrap(getEmployeeControllerGet({ path: { id: id! } })), enabled: id !== undefined, staleTime: 60_000 });

/**
 * Which operations this API offers (from its /openapi.json): a page whose endpoint is absent is not
 * shown, so the console runs against an older or a newer API alike.
 */
export const useApiPaths = () =>
  useQuery({
    queryKey: ['openapi', 'paths'],
    queryFn: async () => {
      const answer = await fetch('/openapi.json', { headers: { accept: 'application/json' } });
      if (!answer.ok) return new Set<string>();
      const document = (await answer.json()) as { paths?: Record<string, unknown> };
      return new Set(Object.keys(document.paths ?? {}));
    },
    staleTime: Infinity,
  });

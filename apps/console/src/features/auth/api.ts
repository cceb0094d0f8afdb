import { useMutation, useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/client';
import { signInControllerPeople, signInControllerSignIn, signInControllerSignInConfig } from '../../api/generated/sdk.gen';
import { saveSession } from '../../lib/session';

export const useSignInConfig = () => useQuery({ queryKey: ['auth', 'config'], queryFn: () => unwrap(signInControllerSignInConfig()), staleTime: Infinity });

export const useDemoPeople = (enabled: boolean) => useQuery({ queryKey: ['auth', 'demo'], queryFn: () => unwrap(signInControllerPeople()), enabled, staleTime: 60_000 });

/** The demo sign-in: the server mints the token; the browser only keeps it for this tab. */
export const useDemoSignIn = () =>
  useMutation({
    mutationFn: async (employeeId: string) => {
      const answer = await unwrap(signInControllerSignIn({ body: { employeeId } }));
      saveSession({ token: answer.token, employeeId: answer.employeeId, expiresAt: Date.parse(answer.expiresAt), method: 'demo' });
      return answer;
    },
  });

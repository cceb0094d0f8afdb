import { saveSession } from '../../lib/session';

/** OpenID Connect, authorization code with PKCE (oidc-client-ts), loaded only when used. */
async function userManager(issuer: string, clientId: string) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: issuer,
    client_id: clientId,
    redirect_uri: `${location.origin}/signin/callback`,
    response_type: 'code',
    scope: 'openid',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
}

export async function startOidcSignIn(issuer: string, clientId: string): Promise<void> {
  sessionStorage.setItem('console.oidc', JSON.stringify({ issuer, clientId }));
  await (await userManager(issuer, clientId)).signinRedirect();
}

/** Completes the redirect: the access token (a JWT the API verifies through the issuer's JWKS) for this tab. */
export async function completeOidcSignIn(): Promise<void> {
  const saved = JSON.parse(sessionStorage.getItem('console.oidc') ?? 'null') as { issuer: string; clientId: string } | null;
  if (!saved) throw new Error('no sign-in was started in this tab');
  const user = await (await userManager(saved.issuer, saved.clientId)).signinRedirectCallback();
  const expiresAt = (user.expires_at ?? Math.floor(Date.now() / 1000) + 300) * 1000;
  saveSession({ token: user.access_token, employeeId: user.profile.sub, expiresAt, method: 'oidc' });
}

/**
 * Sign-in without the dev secret (SPEC §13): OpenID Connect, authorization code with PKCE, against a
 * real OpenID provider (the `oidc-provider` package) started here. The console follows the issuer's
 * discovery document, keeps the access token in sessionStorage, and the API verifies it through the
 * issuer's jwks_uri with `aud` = OIDC_CLIENT_ID and the employee id as `sub`. The demo sign-in is gone.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { type ConsoleApp, startConsoleApp } from './support/console-app.js';

const CLIENT_ID = 'authorization-console';

let issuerServer: Server;
let app: ConsoleApp;
let chromium: RunningBrowser;

beforeAll(async () => {
  // The provider's address first (the API needs the issuer), its clients once the console's address is known.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  issuerServer = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  app = await startConsoleApp({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID });
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT_ID, token_endpoint_auth_method: 'none', redirect_uris: [`${app.url}/signin/callback`], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    cookies: { keys: ['browser-test-cookie-key-0123456789'] },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    features: {
      devInteractions: { enabled: true },
      // Access tokens as JWTs for the API, its audience the console's client id (the API's default `aud`).
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => 'urn:callcenter:authorization-api',
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({ scope: 'openid', audience: CLIENT_ID, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } }),
      },
    },
  });
  handle = provider.callback();
  chromium = await launchChromium({ locale: 'en-US' });
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await chromium?.close();
  await app?.close();
  await new Promise((resolve) => issuerServer?.close(resolve));
}, HOOK_TIMEOUT_MS);

describe('sign-in with OpenID Connect', () => {
  it('offers no demo sign-in once OIDC_ISSUER is set', async () => {
    const config = await (await fetch(`${app.url}/auth/config`)).json();
    expect(config).toEqual({ demo: false, oidc: { issuer: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), clientId: CLIENT_ID } });
    expect((await fetch(`${app.url}/auth/demo`)).status).toBe(404);
    expect((await fetch(`${app.url}/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"employeeId":"E101"}' })).status).toBe(404);
  });

  it('signs E101 in through the provider (code + PKCE); the API accepts the access token and refuses a forged one', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('button', { name: 'Sign in with your company account' }).click();
    await page.getByPlaceholder('Enter any login').fill('E101');
    await page.getByPlaceholder('and password').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'My authorizations' }).waitFor({ timeout: WAIT_BOUND_MS });
    await page.getByText('Huang Hsiao-ling (E101, Agent)', { exact: false }).waitFor();

    const stored = JSON.parse((await page.evaluate<string | null>("sessionStorage.getItem('console.session')")) ?? 'null') as { token: string; employeeId: string; method: string };
    expect(stored).toMatchObject({ employeeId: 'E101', method: 'oidc' });
    const claims = JSON.parse(Buffer.from(stored.token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string; aud: unknown };
    expect(claims.sub).toBe('E101');
    expect([claims.aud].flat()).toContain(CLIENT_ID);
    const own = await fetch(`${app.url}/v1/employees/E101`, { headers: { authorization: `Bearer ${stored.token}` } });
    expect(own.status).toBe(200);
    const [header, payload] = stored.token.split('.');
    const forged = await fetch(`${app.url}/v1/employees/E101`, { headers: { authorization: `Bearer ${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}` } });
    expect(forged.status).toBe(401);
    await page.close();
  });
});

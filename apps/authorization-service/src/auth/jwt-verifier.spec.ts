import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier, InvalidTokenError, issuerKeys } from './jwt-verifier.js';

/** An OpenID issuer on loopback: its discovery document names its JWKS (SPEC §13). */
let server: Server;
let issuer: string;
let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const auth = (overrides: Record<string, string | null> = {}) => ({ jwtSecret: null, jwksUrl: null, issuer: null, audience: null, oidcIssuer: issuer, oidcClientId: 'console', ...overrides });
const token = (claims: { sub?: string; aud?: string; iss?: string }) =>
  new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject(claims.sub ?? 'E101')
    .setAudience(claims.aud ?? 'console')
    .setIssuer(claims.iss ?? issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);

describe('tokens of the OIDC issuer', () => {
  it('accepts a token signed by a key of the discovered jwks_uri, for the console client, naming the employee in sub', async () => {
    const verified = await createTokenVerifier(auth(), null).verify(await token({}));
    expect(verified.principal).toEqual({ kind: 'employee', id: 'E101' });
  });

  it('refuses another audience unless AUTH_AUDIENCE names it', async () => {
    await expect(createTokenVerifier(auth(), null).verify(await token({ aud: 'someone-else' }))).rejects.toThrow(InvalidTokenError);
    await expect(createTokenVerifier(auth({ audience: 'someone-else' }), null).verify(await token({ aud: 'someone-else' }))).resolves.toMatchObject({ principal: { id: 'E101' } });
  });

  it('refuses a token of another issuer', async () => {
    await expect(createTokenVerifier(auth(), null).verify(await token({ iss: 'https://elsewhere.example' }))).rejects.toThrow(InvalidTokenError);
  });

  it('refuses every token while the discovery document names no jwks_uri, and asks again next time', async () => {
    let asked = 0;
    const keys = issuerKeys(issuer, async () => {
      asked += 1;
      return { issuer };
    });
    await expect(keys({ alg: 'RS256' }, { payload: '', signature: '' } as never)).rejects.toThrow(/no jwks_uri/);
    await expect(keys({ alg: 'RS256' }, { payload: '', signature: '' } as never)).rejects.toThrow(/no jwks_uri/);
    expect(asked).toBe(2);
  });
});

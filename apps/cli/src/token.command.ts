/** `authz token <sub>`: mints a development bearer token with the configured (or embedded dev) secret. */
import { readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { Command, CommandRunner, Option } from 'nest-commander';
import { devSecretFile, loadConfig } from '../../../libs/platform/src/index.js';

interface TokenOptions {
  readonly scope?: string;
  readonly ttl?: string;
}

@Command({
  name: 'token',
  arguments: '<subject>',
  description: 'mint a development token: an employee id (E101) or svc:<name> with --scope "checks:read audit:read"',
})
export class TokenCommand extends CommandRunner {
  async run([subject]: string[], options: TokenOptions): Promise<void> {
    if (!subject) throw new Error('usage: authz token <employeeId | svc:name> [--scope "..."] [--ttl 8h]');
    const config = loadConfig();
    const secret = config.auth.jwtSecret ?? (config.embedded ? readFileSync(devSecretFile(config), 'utf8').trim() : null);
    if (secret === null) throw new Error('set AUTH_JWT_SECRET (tokens for a JWKS are issued by your identity provider)');
    let jwt = new SignJWT(options.scope ? { scope: options.scope } : {})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(options.ttl ?? '8h');
    if (config.auth.issuer) jwt = jwt.setIssuer(config.auth.issuer);
    if (config.auth.audience) jwt = jwt.setAudience(config.auth.audience);
    process.stdout.write(`${await jwt.sign(new TextEncoder().encode(secret))}\n`);
  }

  @Option({ flags: '-s, --scope <scopes>', description: 'space-separated service scopes (services only)' })
  parseScope(value: string): string {
    return value;
  }

  @Option({ flags: '-t, --ttl <duration>', description: 'lifetime, e.g. 30m, 8h (default 8h)' })
  parseTtl(value: string): string {
    return value;
  }
}

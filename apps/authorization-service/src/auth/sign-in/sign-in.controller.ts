import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignJWT } from 'jose';
import { APP_CONFIG, type AppConfig, DEV_JWT_SECRET } from '../../../../../libs/platform/src/index.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { ApiAnswers } from '../../http/openapi.js';
import { NotFoundError } from '../../shared/application-errors.js';
import { Public } from '../public.decorator.js';
import { DemoSignInDto } from './sign-in.dto.js';

/** The demo people of the seeded call center (SPEC §13), in the order the sign-in page lists them. */
export const DEMO_PEOPLE = ['M01', 'M02', 'X01', 'S01', 'S02', 'E101', 'E102', 'E201', 'T01', 'C01'] as const;
const DEMO_TOKEN_SECONDS = 8 * 60 * 60;

const SIGN_IN_CONFIG = {
  type: 'object',
  required: ['demo', 'oidc'],
  properties: {
    demo: { type: 'boolean', description: 'Whether the demo sign-in is offered (only with the generated dev secret)' },
    oidc: {
      type: 'object',
      nullable: true,
      required: ['issuer', 'clientId'],
      properties: { issuer: { type: 'string' }, clientId: { type: 'string' } },
    },
  },
} as const;
const DEMO_PERSON = { type: 'object', required: ['id', 'name', 'role'], properties: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } } as const;
const DEMO_TOKEN = {
  type: 'object',
  required: ['token', 'employeeId', 'expiresAt'],
  properties: { token: { type: 'string' }, employeeId: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
} as const;

export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/**
 * How the console signs people in. The demo sign-in exists only while the generated embedded dev
 * secret is in use (else 404): it mints the same tokens `npm run token` does, in the server, so the
 * secret never reaches the browser. Otherwise the console uses OpenID Connect against OIDC_ISSUER.
 */
@ApiTags('sign-in')
@Controller('auth')
export class SignInController {
  constructor(
    @Inject(DEV_JWT_SECRET) private readonly devSecret: string | null,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {}

  @Public()
  @Get('config')
  @ApiOperation({ summary: 'How the console signs in: the demo sign-in, OpenID Connect, or neither' })
  @ApiAnswers({ status: 200, description: 'The sign-in methods', schema: SIGN_IN_CONFIG })
  signInConfig(): { demo: boolean; oidc: { issuer: string; clientId: string } | null } {
    const { oidcIssuer, oidcClientId } = this.config.auth;
    return { demo: this.devSecret !== null, oidc: oidcIssuer && oidcClientId ? { issuer: oidcIssuer, clientId: oidcClientId } : null };
  }

  @Public()
  @Get('demo')
  @ApiOperation({ summary: 'The demo people one may sign in as (only with the embedded dev secret; 404 otherwise)' })
  @ApiAnswers({ status: 200, description: 'The demo people in the directory', schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: DEMO_PERSON } } } }, 404)
  async people(): Promise<{ items: DemoPerson[] }> {
    this.demoSecret();
    const items: DemoPerson[] = [];
    for (const id of DEMO_PEOPLE) {
      const person = await this.directory.snapshot(id);
      if (person && !person.left) items.push({ id, name: person.name, role: person.role });
    }
    return { items };
  }

  @Public()
  @Post('demo')
  @HttpCode(200)
  @ApiOperation({ summary: 'A token for a demo person, valid 8 hours (only with the embedded dev secret; 404 otherwise)' })
  @ApiAnswers({ status: 200, description: 'A bearer token for the person', schema: DEMO_TOKEN }, 404)
  async signIn(@Body() body: DemoSignInDto): Promise<{ token: string; employeeId: string; expiresAt: string }> {
    const secret = this.demoSecret();
    const person = (DEMO_PEOPLE as readonly string[]).includes(body.employeeId) ? await this.directory.snapshot(body.employeeId) : null;
    if (!person || person.left) throw new NotFoundError('demo person', body.employeeId);
    const expires = Math.floor(Date.now() / 1000) + DEMO_TOKEN_SECONDS;
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(body.employeeId).setIssuedAt().setExpirationTime(expires).sign(new TextEncoder().encode(secret));
    return { token, employeeId: body.employeeId, expiresAt: new Date(expires * 1000).toISOString() };
  }

  private demoSecret(): string {
    if (this.devSecret === null) throw new NotFoundError('route', '/auth/demo');
    return this.devSecret;
  }
}

import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/index.js';
import { CHECK_OPENAPI_PATHS } from '../checks/check.schemas.js';
import { isClosing } from './closing.js';
import { serveConsole } from './console-static.js';
import { completeOpenApi } from './openapi.js';
import { useBoundedJsonParser, useTextRuleOnUrls } from './json-body.js';
import { problemHeaders, ProblemFilter, toProblem } from './problem.filter.js';
import { localizeProblem, PROBLEM_CONTENT_TYPE, problem, problemLanguage } from './problem.js';
import { RouteMethods } from './route-methods.js';
import { validationPipe } from './validation.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The HTTP edge shared by every entry point: Fastify with a 1 MiB body limit and prototype
 * poisoning refused, request ids (X-Request-Id honoured), problem+json errors, strict validation,
 * OpenAPI at /openapi.json with interactive docs at /docs, and the web console at `/` once built.
 */
export async function createHttpApp(rootModule: Type<unknown>, options: { readonly logger?: boolean; readonly console?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Schemas of the raw check routes must refuse, not silently strip, unknown fields.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { maxParamLength: 200 },
    requestIdHeader: false,
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    // Fastify's own refusals (a malformed URL, a path parameter too long) speak problem+json too.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const body = toProblem(error, problemLanguage(request.headers['accept-language']));
      void reply.status(body.status).headers(problemHeaders(body)).send({ ...body, instance: request.url });
    },
    clientErrorHandler: answerClientError,
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true, abortOnError: false, bodyParser: false });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  const fastify = app.getHttpAdapter().getInstance();
  // Before any route is registered (Nest registers its routes on init): the methods of every path, for 405.
  answerOtherMethodsWith405(fastify, new RouteMethods(fastify));
  useBoundedJsonParser(fastify, BODY_LIMIT_BYTES);
  useTextRuleOnUrls(fastify);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(validationPipe());
  // No enableShutdownHooks here: Nest's own would run every module's destroy hook (the read side
  // stops) before the server closes; `serveHttp` (run-main.ts) stops an HTTP app in the right order.
  // Callback hooks, not async ones: every request runs them, and an async hook costs a promise each.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    if (isClosing()) void reply.header('connection', 'close');
    done(null, payload);
  });
  setupOpenApi(app);
  // The web console at `/` when it has been built (SPEC §13); its sign-in may talk to the OIDC issuer.
  if (options.console !== false) {
    const issuer = app.get<symbol, AppConfig>(APP_CONFIG, { strict: false }).auth.oidcIssuer;
    serveConsole(app, undefined, issuer ? [new URL(issuer).origin] : []);
  }
  return app;
}

/**
 * A known path asked with a method it does not answer (TRACE, QUERY, DELETE, …) is 405 with `Allow`
 * (RFC 9110 §15.5.6), decided when the request arrives: before its body is parsed or refused.
 */
function answerOtherMethodsWith405(fastify: FastifyInstance, routes: RouteMethods): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!request.is404) return done();
    const allowed = routes.allowed(request.url.split('?')[0] ?? '');
    if (allowed.length === 0) return done();
    const body = localizeProblem(problem(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use ${allowed.join(', ')}`), problemLanguage(request.headers['accept-language']));
    void reply.status(405).header('allow', allowed.join(', ')).headers(problemHeaders(body)).send({ ...body, instance: request.url });
  });
}

/**
 * Errors Node's HTTP parser meets before there is a request (headers over 16 KiB, a malformed request
 * line, a slow client): answered as problem+json on the socket, then closed, as Node itself would.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'the request headers exceed 16 KiB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'the request was not received in time']
        : [400, 'MALFORMED_REQUEST', 'the request is not valid HTTP/1.1'];
  const body = JSON.stringify(problem(status, code, detail));
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Call Center Authorization Service')
    .setDescription(
      'Event-sourced delegation of authority: apply, review, approve, notify, acknowledge, change, expire, revoke; ' +
        'permission checks for internal services; audit for compliance. Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const generated = SwaggerModule.createDocument(app, config);
  // The check routes are plain Fastify routes (the hot path), described by hand from their schemas.
  // Then every operation gets the answers of the HTTP edge (400, 401, 413, 415, 429, 503) and the Problem schema.
  const document = completeOpenApi({ ...generated, paths: { ...generated.paths, ...(structuredClone(CHECK_OPENAPI_PATHS) as unknown as typeof generated.paths) } });
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
}

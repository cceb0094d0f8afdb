import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CHECK_OPENAPI_PATHS } from '../checks/check.schemas.js';
import { completeOpenApi } from './openapi.js';
import { ProblemFilter } from './problem.filter.js';
import { validationPipe } from './validation.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The HTTP edge shared by every entry point: Fastify with a 1 MiB body limit and prototype
 * poisoning refused, request ids (X-Request-Id honoured), problem+json errors, strict validation,
 * OpenAPI at /openapi.json with interactive docs at /docs.
 */
export async function createHttpApp(rootModule: Type<unknown>, options: { readonly logger?: boolean } = {}): Promise<NestFastifyApplication> {
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
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, { bufferLogs: true, abortOnError: false });
  if (options.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply, payload) => {
    void reply.header('x-request-id', request.id);
    return payload;
  });
  setupOpenApi(app);
  return app;
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

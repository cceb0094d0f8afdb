// Reference server for the HTTP benchmarks: bare Fastify (same version as the app, no Nest, no
// logging) answering GET /health/live, and POST /v1/checks parsing and validating a check's body
// (JSON Schema, compiled) and answering a constant through a response schema — the ceiling of Fastify
// itself on this machine for a route of that shape.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
const check = {
  type: 'object',
  additionalProperties: false,
  required: ['employeeId', 'authority'],
  properties: {
    employeeId: { type: 'string', minLength: 1, maxLength: 200 },
    authority: { type: 'string', minLength: 1, maxLength: 200 },
    context: { type: 'object', additionalProperties: false, properties: { amount: { type: 'number' }, channel: { type: 'string' } } },
  },
};
const answer = { type: 'object', properties: { allowed: { type: 'boolean' }, reason: { type: 'string' }, position: { type: 'string' } } };
app.post('/v1/checks', { schema: { body: check, response: { 200: answer } } }, async () => ({ allowed: true, reason: 'GRANT', position: '1' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

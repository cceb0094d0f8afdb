// Reference server for the HTTP benchmarks: bare Fastify (same version as the app, no Nest, no
// logging) answering GET /health/live — the ceiling of Fastify itself on this machine.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths the API owns: never answered with the console, whatever they are (SPEC §13). */
const API_PREFIXES = ['/v1', '/auth', '/health', '/metrics', '/openapi', '/docs'];

/** The types of what Vite writes into dist/console. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const ownedByApi = (path: string): boolean => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}.`));

/**
 * Where the built console is (`npm run build` writes dist/console): CONSOLE_DIR when set, else
 * beside the compiled API (dist/…) or under dist/ of the checkout (running from sources, as tests do).
 * Null when it has not been built: the API then serves no console.
 */
export function consoleDirectory(env: NodeJS.ProcessEnv = process.env): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const base = resolve(here, '..', '..', '..', '..');
  const candidates = env['CONSOLE_DIR'] ? [resolve(env['CONSOLE_DIR'])] : [join(base, 'console'), join(base, 'dist', 'console')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * Serves the web console at `/`: its files by path, and index.html for every other GET that no
 * route answers and the API does not own (the console's routes), whatever `Accept` says. Done in an
 * onRequest hook on unmatched requests, so the console adds no route: the OpenAPI document, the 405
 * answers and the API's own 404s stay as they are. Hashed assets are cached for good, index.html never.
 */
export function serveConsole(app: NestFastifyApplication, root: string | null = consoleDirectory(), connectSources: readonly string[] = []): boolean {
  if (root === null) return false;
  const fastify = app.getHttpAdapter().getInstance();
  const csp = [
    "default-src 'self'",
    // Ant Design writes its styles at run time (CSS-in-JS).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...connectSources].join(' ')}`,
  ].join('; ');
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404 || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const path = request.url.split('?')[0] ?? '/';
    if (ownedByApi(path)) return;
    const file = staticFile(root, path);
    void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    // Whole files, not streams: they are small, and a browser closing a tab mid-stream must not
    // turn into an error on a reply already under way.
    if (file !== null) {
      void reply.header('cache-control', file.startsWith(`assets${sep}`) || file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return reply.type(CONTENT_TYPES[extname(file)] ?? 'application/octet-stream').send(await readFile(join(root, file)));
    }
    // A hashed asset that is not there (a page loaded before a new build asks for its old chunk) is
    // never a console route: the API's own 404, so the browser reports a missing file, not HTML as a script.
    if (path.startsWith('/assets/')) return;
    void reply.header('cache-control', 'no-cache').header('content-security-policy', csp);
    return reply.type('text/html; charset=utf-8').send(await readFile(join(root, 'index.html')));
  });
  return true;
}

/** The console file a path names, relative to the root, or null (a console route, or outside the root). */
function staticFile(root: string, path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded === '/' || decoded.endsWith('/')) return null;
  const relative = normalize(decoded).replace(/^[/\\]+/, '');
  const full = resolve(root, relative);
  if (!full.startsWith(`${resolve(root)}${sep}`)) return null;
  try {
    return statSync(full).isFile() ? relative : null;
  } catch {
    return null;
  }
}

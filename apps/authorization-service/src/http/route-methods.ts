import type { FastifyInstance } from 'fastify';

/**
 * The methods each registered path answers, so that a known path asked with another method is
 * 405 with `Allow` (RFC 9110 §15.5.6) rather than 404. Collected from Fastify's onRoute hook, which
 * must be added before the routes are (createHttpApp does so before Nest registers its own).
 */
export class RouteMethods {
  private readonly routes: { readonly pattern: RegExp; readonly methods: Set<string> }[] = [];

  constructor(fastify: FastifyInstance) {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      this.add(route.url, methods);
    });
  }

  /** The methods that `path` (without its query) answers; empty for an unknown path. */
  allowed(path: string): string[] {
    const methods = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const method of route.methods) methods.add(method);
    return [...methods].sort();
  }

  private add(url: string, methods: readonly string[]): void {
    const source = url
      .split('/')
      .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment === '*' ? '.*' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    const pattern = new RegExp(`^${source}/?$`);
    const existing = this.routes.find((route) => route.pattern.source === pattern.source);
    if (existing) for (const method of methods) existing.methods.add(method);
    else this.routes.push({ pattern, methods: new Set(methods) });
  }
}

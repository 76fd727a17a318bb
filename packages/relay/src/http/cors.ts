/** CORS for the admin API, so the editor's dev server (another origin) can call it. */
import type { FastifyInstance } from 'fastify';

export function registerCors(app: FastifyInstance, origins: string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    const allowAll = origins.includes('*');
    if (origin && (allowAll || origins.includes(origin))) {
      reply.header('access-control-allow-origin', allowAll ? '*' : origin);
      if (!allowAll) reply.header('vary', 'Origin');
      reply.header('access-control-allow-headers', 'authorization, content-type');
      reply.header('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE, OPTIONS');
      reply.header('access-control-max-age', '600');
    }
    // Browsers never send credentials on a preflight, so it is answered before the token check.
    if (request.method === 'OPTIONS') return reply.code(204).send();
  });
}

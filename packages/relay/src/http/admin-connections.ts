/**
 * Admin API of connections (SPEC §10), and the public OAuth callback. Secrets are write-only: no
 * answer carries a token, client secret or value, only the names of the fields that hold one.
 */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types.js';
import { connectionFromInput, connectionView } from '../connections/input.js';
import { ConnectionError, type Connections } from '../connections/service.js';
import { HttpError, notFound } from './errors.js';
import { deleteUnusedConnection } from '../connections/references.js';

type IdParams = { Params: { id: string } };

export interface ConnectionRouteDeps {
  store: Store;
  connections: Connections;
  /** The relay's public base URL (OAuth redirects come back to `<base>/oauth/callback`). */
  publicUrl: () => string;
}

export function registerConnectionRoutes(app: FastifyInstance, deps: ConnectionRouteDeps): void {
  const { store, connections } = deps;
  const view = (c: Parameters<typeof connectionView>[0]) => connectionView(c, connections.isRefreshing(c.id));

  app.get('/api/connections', async () => ({ items: (await store.listConnections()).map(view) }));

  app.post('/api/connections', async (request, reply) => {
    const connection = connectionFromInput(request.body, null);
    if (await store.getConnection(connection.id))
      throw new HttpError(409, 'conflict', `connection "${connection.id}" already exists`);
    await store.putConnection(connection);
    return reply.code(201).send(view(connection));
  });

  app.get<IdParams>('/api/connections/:id', async (request) => {
    const connection = await store.getConnection(request.params.id);
    if (!connection) throw notFound('connection');
    return view(connection);
  });

  app.patch<IdParams>('/api/connections/:id', async (request) => {
    const saved = await store.updateConnectionLocked(
      request.params.id,
      async (existing) => existing && connectionFromInput(request.body, existing),
    );
    if (!saved) throw notFound('connection');
    return view(saved);
  });

  app.delete<IdParams>('/api/connections/:id', async (request, reply) => {
    await deleteUnusedConnection(store, request.params.id);
    return reply.code(204).send();
  });

  app.post<IdParams>('/api/connections/:id/authorize', async (request) => {
    try {
      const url = await connections.authorize(request.params.id, `${deps.publicUrl()}/oauth/callback`);
      if (!url) throw notFound('connection');
      return { url };
    } catch (error) {
      if (error instanceof ConnectionError) throw new HttpError(422, 'not_authorizable', error.message);
      throw error;
    }
  });

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/oauth/callback',
    { config: { public: true } },
    async (request, reply) => {
      const { code, state, error, error_description: description } = request.query;
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('referrer-policy', 'no-referrer');
      if (error)
        return reply
          .code(400)
          .send(
            page(
              'Not connected',
              `The provider answered ${error}${description ? `: ${description}` : ''}. Start again from the relay.`,
            ),
          );
      if (!code || !state)
        return reply
          .code(400)
          .send(page('Not connected', 'The callback needs code and state: start again from the relay.'));
      try {
        await connections.complete(state, code);
      } catch (failure) {
        if (!(failure instanceof ConnectionError)) throw failure;
        return reply.code(400).send(page('Not connected', failure.message));
      }
      return page('Connected', 'Connected — you can close this tab.');
    },
  );
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

function page(title: string, message: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — hookmap</title></head>` +
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`
  );
}

/** A destination server on 127.0.0.1 that records every request and answers by script. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SinkRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

export type SinkReply =
  { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | 'hang';

export interface Sink {
  url: string;
  requests: SinkRequest[];
  close(): Promise<void>;
  /** Resolves once `n` requests have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
}

/**
 * `keepAliveMs` is announced in `Keep-Alive: timeout=` and Node's client agent keeps a socket one second
 * less than that: the default 1 s makes every request a new connection; the benchmark passes more.
 */
export async function startSink(
  reply: (req: SinkRequest, index: number) => SinkReply = () => ({ status: 200, body: 'ok' }),
  options: { keepAliveMs?: number } = {},
): Promise<Sink> {
  const requests: SinkRequest[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const record = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(record);
      for (const w of waiters.filter((w) => requests.length >= w.n)) w.resolve();
      const answer = reply(record, requests.length - 1);
      if (answer === 'hang') {
        hanging.add(res);
        return;
      }
      const send = () => res.writeHead(answer.status, answer.headers).end(answer.body ?? '');
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.keepAliveTimeout = options.keepAliveMs ?? 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor: (n, timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        if (requests.length >= n) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`sink got ${requests.length}/${n} requests`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nothing listens on (bound, then closed). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

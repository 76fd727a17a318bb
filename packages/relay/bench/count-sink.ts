/**
 * The benchmark's destination: answers 200 at once over kept connections and only counts what it
 * gets. It stands for a CRM on another machine, so it should cost this machine as little as it can;
 * the tests' sink (test/helpers/sink.ts) keeps every request, which a run of 100 000 makes a cost.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingSink {
  url: string;
  /** Requests received whole so far. */
  readonly count: number;
  close(): Promise<void>;
}

export async function startCountingSink(): Promise<CountingSink> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(200, { 'content-length': '0' }).end();
    });
  });
  // Announced as `Keep-Alive: timeout=60`: the relay keeps its connections, as to a CRM's API.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get count() {
      return count;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

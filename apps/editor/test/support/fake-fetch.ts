/** A `fetch` stub for the relay clients' unit tests: records each call and answers by script. */
import { afterEach, vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  auth: string | undefined;
  body: unknown;
}

afterEach(() => vi.unstubAllGlobals());

/** Replaces the global `fetch` until the test ends; the returned list fills with the calls made. */
export function fakeFetch(answer: (call: Call) => { status?: number; body?: unknown }): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      auth: headers.authorization,
      body: init.body ? JSON.parse(init.body as string) : undefined,
    };
    calls.push(call);
    const { status = 200, body } = answer(call);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return calls;
}

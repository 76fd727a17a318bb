import type { FlowFetch } from '@hookmap/core';
import { sendRequest, type SendOptions, type SendResult } from './send.js';

/**
 * The CLI's safe fetch (private destinations refused unless allowed, no redirects, a timeout per request,
 * a bounded body) as the `fetch` core's runFlow takes. `onResult` sees each exchange (status text,
 * duration, Location), which runFlow's result does not keep.
 */
export function flowFetch(options: SendOptions, onResult?: (result: SendResult) => void): FlowFetch {
  return async (url, init) => {
    const result = await sendRequest(
      {
        method: init.method,
        url,
        headers: init.headers,
        ...(init.body === undefined ? {} : { body: init.body }),
      },
      options,
    );
    onResult?.(result);
    const headers = new Headers(result.headers);
    return { status: result.status, headers, text: async () => result.body };
  };
}

import type { Op, Timed } from './slices.js';

/**
 * A body op that ends where sending starts: the UTF-8 byte length (Content-Length) is taken, which also
 * flattens the rope strings that text engines build by concatenation (V8 defers that copy otherwise,
 * and a socket write would pay it). Applied alike to every contender and the hand-written function.
 */
export function readyToSend(body: Op, async: boolean): Timed {
  if (async) {
    return {
      async,
      op: async (context) => {
        const text = (await body(context)) as string;
        return Buffer.byteLength(text);
      },
    };
  }
  return { async, op: (context) => Buffer.byteLength(body(context) as string) };
}

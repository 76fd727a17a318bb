import { describe, expect, it } from 'vitest';
import { providers } from '../src/index.js';

describe('buildContext copies the payload fields as data', () => {
  it.each(providers.map((p) => [p.id, p] as const))(
    '%s: an own "__proto__" key (as JSON.parse makes) stays a field, never the prototype',
    (_id, provider) => {
      const payload = JSON.parse('{"__proto__": {"polluted": true}, "plain": 1}') as Record<string, unknown>;
      const context = provider.buildContext(payload);
      expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
      expect(Object.hasOwn(context, '__proto__')).toBe(true);
      expect(Object.getOwnPropertyDescriptor(context, '__proto__')?.value).toEqual({ polluted: true });
      expect((context as { polluted?: unknown }).polluted).toBeUndefined();
      expect(context.plain).toBe(1);
    },
  );

  it.each(providers.map((p) => [p.id, p] as const))(
    '%s: every own field of the payload is an own enumerable field of the context',
    (_id, provider) => {
      const payload = provider.samples[0]?.payload as Record<string, unknown>;
      const context = provider.buildContext(payload);
      for (const key of Object.keys(payload)) expect(Object.keys(context)).toContain(key);
    },
  );
});

/**
 * The generated slot builders (src/compile/slots): each copy must behave exactly like the generic
 * readers and builders it stands in for — own properties only, prototype tricks included — and the
 * pools must fall back cleanly when used up.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.js';
import { OMIT, type RenderNode, type Scope } from '../src/compile/env.js';
import { objectSlots } from '../src/compile/slots/objects.generated.js';
import { PATH_KEYS, pathSlots } from '../src/compile/slots/paths.generated.js';
import { shape, type WholeHooks } from '../src/compile/slots/kinds.js';
import { RenderState } from '../src/evaluate/state.js';
import { DEFAULT_LIMITS } from '../src/limits.js';

const hasOwn = Object.prototype.hasOwnProperty;
const MISSED = Symbol('missed');

/** The generic rule: every step an own property of an object, else unresolved. */
function ownPath(ctx: object, path: string[]): unknown {
  let v: unknown = ctx;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || !hasOwn.call(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function readWith(slot: number, ctx: object, path: string[]): unknown {
  const [root, ...keys] = path as [string, ...string[]];
  const read = (pathSlots[slot] as (typeof pathSlots)[number])(
    root,
    keys,
    () => MISSED as unknown as undefined,
    null,
  );
  const v = read(
    { ctx: ctx as Record<string, unknown>, vars: null, parent: null },
    new RenderState(DEFAULT_LIMITS, 'null', null),
  );
  return v === MISSED ? undefined : v;
}

class Account {
  id = 'own';
  get secret(): string {
    return 'from the prototype';
  }
}

const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'no prototype' });
const arrayWithName = Object.assign([1, 2], { label: 'own named member' });
const ctx = {
  a: { b: { c: { d: { e: 'deep' } } }, nul: null, zero: 0, empty: '', no: false },
  own: { constructor: 'own constructor', toString: 'own toString' },
  undef: undefined,
  account: new Account(),
  nullProto,
  arrayWithName,
  text: 'abc',
};
const tricky: string[][] = [
  ['a'],
  ['a', 'b'],
  ['a', 'b', 'c'],
  ['a', 'b', 'c', 'd'],
  ['a', 'b', 'c', 'd', 'e'],
  ['a', 'nul'],
  ['a', 'zero'],
  ['a', 'empty'],
  ['a', 'no'],
  ['a', 'nul', 'x'],
  ['a', 'missing'],
  ['a', 'constructor'],
  ['a', 'toString'],
  ['a', 'hasOwnProperty'],
  ['a', 'valueOf'],
  ['a', 'isPrototypeOf'],
  ['own', 'constructor'],
  ['own', 'toString'],
  ['constructor'],
  ['toString'],
  ['undef'],
  ['account', 'id'],
  ['account', 'secret'],
  ['account', 'constructor'],
  ['nullProto', 'name'],
  ['nullProto', 'constructor'],
  ['arrayWithName', 'label'],
  ['arrayWithName', 'map'],
  ['text', 'length'],
  ['text', 'at'],
  ['a', 'b', 'missing', 'x'],
];
/** Inherited names and misses at every depth a slot unrolls. */
for (let depth = 0; depth <= PATH_KEYS; depth++) {
  const prefix = ['a', 'b', 'c', 'd', 'e'].slice(0, depth);
  for (const name of ['toString', 'constructor', '__defineGetter__', 'nope']) tricky.push([...prefix, name]);
}

describe('path slots', () => {
  it('the generated modules are what scripts/gen-slots.mjs writes', () => {
    const script = fileURLToPath(new URL('../scripts/gen-slots.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('every slot reads own properties only, like the generic reader', () => {
    for (let slot = 0; slot < pathSlots.length; slot++) {
      for (const path of tricky) {
        expect(readWith(slot, ctx, path), `slot ${slot}: ${path.join('.')}`).toBe(ownPath(ctx, path));
      }
    }
  });

  it('every slot, as a whole-value node, finishes what the generic reader finds and applies the policy to the rest', () => {
    const ABSENT = Symbol('absent');
    const hooks: WholeHooks = {
      slow: () => 'slow',
      absent: () => ABSENT,
      finish: (x) => ({ finished: x }),
    };
    for (let slot = 0; slot < pathSlots.length; slot++) {
      for (const path of tricky) {
        const [root, ...keys] = path as [string, ...string[]];
        const node = (pathSlots[slot] as (typeof pathSlots)[number])(root, keys, () => undefined, hooks);
        const state = new RenderState(DEFAULT_LIMITS, 'null', null);
        const found = ownPath(ctx, path);
        const expected =
          found === undefined ? ABSENT : typeof found === 'string' ? found : { finished: found };
        expect(
          node({ ctx, vars: null, parent: null }, state),
          `slot ${slot}: ${path.join('.')}`,
        ).toStrictEqual(expected);
        expect(state.output).toBe(typeof found === 'string' ? found.length + 2 : 0);
        const collecting = new RenderState(DEFAULT_LIMITS, 'null', []);
        expect(node({ ctx, vars: null, parent: null }, collecting)).toBe('slow');
      }
    }
  });

  it('a value polluted into Object.prototype is not read', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'from Object.prototype';
    try {
      for (let slot = 0; slot < pathSlots.length; slot++) {
        for (let depth = 0; depth <= PATH_KEYS; depth++) {
          const path = [...['a', 'b', 'c', 'd', 'e'].slice(0, depth), 'polluted'];
          expect(readWith(slot, ctx, path), `slot ${slot}: ${path.join('.')}`).toBeUndefined();
        }
      }
      expect(readWith(0, ctx, ['polluted'])).toBeUndefined();
      expect(readWith(0, { polluted: 'own' }, ['polluted'])).toBe('own');
      expect(compile({ v: '{{a.polluted}}' }).render(ctx)).toEqual({ v: null });
    } finally {
      delete proto.polluted;
    }
  });

  it('agrees with the generic reader on random objects and paths', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '0');
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
        fc.array(tie('node'), { maxLength: 2 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(key, tree),
        fc.array(key, { minLength: 1, maxLength: PATH_KEYS + 1 }),
        fc.nat(pathSlots.length - 1),
        (root, path, slot) => {
          expect(readWith(slot, root, path)).toStrictEqual(ownPath(root, path));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('object slots', () => {
  const scope: Scope = { ctx: {}, vars: null, parent: null };
  const build = (slot: number, keys: string[], values: unknown[]) => {
    const nodes: RenderNode[] = values.map((v) => () => v);
    const state = new RenderState(DEFAULT_LIMITS, 'null', null);
    const out = (objectSlots[slot] as (typeof objectSlots)[number])(
      keys,
      nodes,
      7,
      shape(keys),
    )(scope, state);
    return { out: out as Record<string, unknown>, output: state.output };
  };

  it('every slot writes the members in order, leaves out OMIT, and counts the overhead once', () => {
    for (let slot = 0; slot < objectSlots.length; slot++) {
      for (const n of [1, 2, 15, 16, 17, 40]) {
        const keys = Array.from({ length: n }, (_, i) => `k${slot}_${i}`);
        const values = keys.map((k, i) => (i % 3 === 1 ? OMIT : `${k}!`));
        const { out, output } = build(slot, keys, values);
        const kept = keys.filter((_, i) => i % 3 !== 1);
        expect(Object.keys(out), `slot ${slot}, ${n} keys`).toEqual(kept);
        for (const k of kept) expect(out[k]).toBe(`${k}!`);
        expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
        expect(out.constructor).toBe(Object);
        expect(out).toStrictEqual(Object.fromEntries(kept.map((k) => [k, `${k}!`])));
        expect(output).toBe(7);
      }
    }
  });

  it('integer-like keys come out where JSON.parse would put them', () => {
    const { out } = build(0, ['b', '1', 'a', '0'], ['B', 'one', 'A', 'zero']);
    expect(JSON.stringify(out)).toBe(JSON.stringify(JSON.parse('{"b":"B","1":"one","a":"A","0":"zero"}')));
  });
});

describe('whole values through slots, by missing policy', () => {
  const template = { found: '{{x.y}}', gone: '{{x.z}}', num: '{{x.n}}', obj: '{{x}}', text: 'at {{x.y}}' };
  const context = { x: { y: 'Y', n: Number.NaN } };
  it('null, omit, keep and error', () => {
    const compiled = compile(template);
    expect(compiled.render(context)).toEqual({
      found: 'Y',
      gone: null,
      num: null,
      obj: { y: 'Y', n: null },
      text: 'at Y',
    });
    expect(compiled.render(context, { missing: 'omit' })).toEqual({
      found: 'Y',
      num: null,
      obj: { y: 'Y', n: null },
      text: 'at Y',
    });
    expect(compiled.render(context, { missing: 'keep' })).toMatchObject({ gone: '{{x.z}}' });
    expect(() => compiled.render(context, { missing: 'error' })).toThrow(/x\.z did not resolve/);
    const { diagnostics } = compiled.renderWithDiagnostics(context);
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([['H301', '/gone']]);
  });
  it('the output limit counts what slots return', () => {
    const big = { x: { y: 'y'.repeat(200) } };
    expect(() => compile({ a: '{{x.y}}' }).render(big, { limits: { maxOutputBytes: 100 } })).toThrow(
      /maxOutputBytes/,
    );
  });
});

describe('pools used up', () => {
  it('templates past the pools render the same as those inside them', () => {
    const context: Record<string, unknown> = {};
    for (let i = 0; i < 400; i++) context[`f${i}`] = { v: { w: i } };
    for (let i = 0; i < 400; i++) {
      const template = {
        [`key${i}`]: `{{f${i}.v.w}}`,
        [`text${i}`]: `n={{f${i}.v}}`,
        missing: `{{f${i}.nope}}`,
      };
      expect(compile(template).render(context), `template ${i}`).toEqual({
        [`key${i}`]: i,
        [`text${i}`]: `n={"w":${i}}`,
        missing: null,
      });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { osviCase } from '../cases/osvi.js';
import { handContender } from '../contenders/index.js';
import { checkEquivalence } from '../harness/equivalence.js';
import { jsonDifference } from '../harness/json-equal.js';
import { stringProjection } from '../harness/projection.js';
import type { Contender } from '../contenders/index.js';

describe('jsonDifference', () => {
  it('ignores key order and prototypes', () => {
    const nullProto = Object.assign(Object.create(null) as object, { b: 1, a: [true, null] });
    expect(jsonDifference(nullProto, { a: [true, null], b: 1 })).toBeNull();
  });

  it('names the first difference by path', () => {
    expect(jsonDifference({ a: { b: [1, 2] } }, { a: { b: [1, 3] } })).toMatch(
      /^\$\.a\.b\[1\]: got 2, expected 3/,
    );
    expect(jsonDifference({ a: 1 }, { a: 1, b: 2 })).toMatch(/keys/);
    expect(jsonDifference([1], [1, 2])).toMatch(/length 1, expected 2/);
    expect(jsonDifference({ a: '1' }, { a: 1 })).toMatch(/\$\.a/);
  });
});

describe('stringProjection', () => {
  it('turns template string leaves into text the way a string-only engine renders them', () => {
    const template = { n: '{{n}}', o: '{{o}}', z: '{{z}}', lit: 'x', nested: { b: '{{b}}' } };
    const value = { n: 3, o: { k: 1 }, z: null, lit: 'x', nested: { b: true } };
    expect(stringProjection(template, value)).toEqual({
      n: '3',
      o: '{"k":1}',
      z: '',
      lit: 'x',
      nested: { b: 'true' },
    });
  });
});

describe('checkEquivalence', () => {
  const contexts = osviCase.contexts(2);

  it('accepts the hand-written function itself', async () => {
    expect(await checkEquivalence(osviCase, handContender, contexts)).toBeNull();
  });

  it('rejects a contender that changes one value, naming where', async () => {
    const wrong: Contender = {
      ...handContender,
      id: 'wrong',
      compile: () => ({
        render: (context) => ({ ...(osviCase.handWritten(context) as object), confirmed: 'true' }),
        body: (context) => JSON.stringify(osviCase.handWritten(context)),
      }),
    };
    expect(await checkEquivalence(osviCase, wrong, contexts)).toMatch(/^render \$\.confirmed/);
  });

  it('rejects a body that is not the same JSON', async () => {
    const wrongBody: Contender = {
      ...handContender,
      id: 'wrong-body',
      compile: () => ({ render: osviCase.handWritten, body: () => '{}' }),
    };
    expect(await checkEquivalence(osviCase, wrongBody, contexts)).toMatch(/^body/);
  });
});

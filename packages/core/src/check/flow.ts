import type { IntegrationTemplate } from '../request/templates.js';
import {
  booleanType,
  nullType,
  numberType,
  objectType,
  resolvedOrNull,
  stringType,
  union,
  unknown,
  type Prop,
  type Type,
} from './type.js';

const prop = (type: Type): Prop => ({ type, required: true });
const headersType = objectType(new Map(), stringType());

/** `response` inside a step's `result` (SPEC §9): the status, headers (lower-case names) and body. */
const RESPONSE = objectType(
  new Map([
    ['status', prop(numberType(true))],
    ['headers', prop(headersType)],
    ['body', prop(unknown())],
  ]),
  null,
);

/**
 * The scope of a flow's templates (SPEC §9): each step sees `steps.<id>` of the steps before it —
 * `{ status, headers, body, result, skipped }`, nulls when skipped — and its `result` sees `response`.
 * A step's `result` type is what its template infers, so `steps.find.result` is typed.
 */
export class FlowScope {
  private readonly ids: string[];
  private readonly results = new Map<number, Type>();

  constructor(steps: unknown[]) {
    this.ids = steps.map((s, i) => {
      const id = (s as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? id : `#${i}`;
    });
  }

  idOf(index: number): string {
    return this.ids[index] as string;
  }

  setResult(index: number, type: Type): void {
    this.results.set(index, type);
  }

  /** The context of one template: `steps` of the earlier steps (all of them for the flow's own headers). */
  contextAt(context: Type, t: IntegrationTemplate): Type {
    const facet = context.object;
    if (!facet) return context;
    const props = new Map(facet.props);
    const earlier = t.step === undefined ? this.ids.length : t.step;
    const records = new Map<string, Prop>();
    for (let i = 0; i < earlier; i++) records.set(this.ids[i] as string, prop(this.record(i)));
    // A step that is not earlier is a compile error (H409); it is not reported again here.
    props.set('steps', prop(objectType(records, unknown())));
    if (t.kind === 'result') props.set('response', prop(RESPONSE));
    return { ...context, object: { ...facet, props } };
  }

  private record(index: number): Type {
    const result = this.results.get(index);
    return objectType(
      new Map([
        ['status', prop(union(numberType(true), nullType()))],
        ['headers', prop(union(headersType, nullType()))],
        ['body', prop(unknown())],
        ['result', prop(result ? union(resolvedOrNull(result), nullType()) : nullType())],
        ['skipped', prop(booleanType())],
      ]),
      null,
    );
  }
}

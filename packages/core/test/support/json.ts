/**
 * Helpers shared by the core test files: turn a rendered value into plain JSON data while checking that it
 * really is JSON (no undefined, NaN, functions, class instances, symbol keys, holes).
 */

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Returns a deep copy made of ordinary objects/arrays; throws with the offending pointer if `value` is not JSON. */
export function toPlainJson(value: unknown, pointer = ''): Plain {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not JSON at "${pointer}": non-finite number ${value}`);
    return value;
  }
  if (Array.isArray(value)) return plainArray(value, pointer);
  if (typeof value === 'object') return plainObject(value as object, pointer);
  throw new Error(`not JSON at "${pointer}": ${typeof value}`);
}

function plainArray(value: unknown[], pointer: string): Plain[] {
  const out: Plain[] = [];
  for (let i = 0; i < value.length; i++) {
    if (!Object.prototype.hasOwnProperty.call(value, i))
      throw new Error(`not JSON at "${pointer}/${i}": hole`);
    out.push(toPlainJson(value[i], `${pointer}/${i}`));
  }
  return out;
}

function plainObject(value: object, pointer: string): { [key: string]: Plain } {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== null && proto !== Object.prototype)
    throw new Error(`not JSON at "${pointer}": not a plain object`);
  if (Object.getOwnPropertySymbols(value).length > 0)
    throw new Error(`not JSON at "${pointer}": symbol keys`);
  const out: { [key: string]: Plain } = {};
  for (const key of Object.keys(value)) {
    const child = toPlainJson((value as Record<string, unknown>)[key], `${pointer}/${key}`);
    // defineProperty so that an own "__proto__" key stays an own key in the copy
    Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Names of the own properties of the built-in prototypes, to detect pollution. */
export function prototypeSnapshot(): Record<string, string[]> {
  const protos: Record<string, object> = {
    Object: Object.prototype,
    Array: Array.prototype,
    String: String.prototype,
    Number: Number.prototype,
    Boolean: Boolean.prototype,
    Function: Function.prototype,
  };
  const snap: Record<string, string[]> = {};
  for (const [name, proto] of Object.entries(protos)) {
    snap[name] = Reflect.ownKeys(proto)
      .map((k) => String(k))
      .sort();
  }
  return snap;
}

/**
 * First difference between two JSON-like values, as "path: detail", or null when equal.
 * Prototypes are ignored (hookmap and JSONata build null-prototype objects); key order is ignored.
 */
export function jsonDifference(actual: unknown, expected: unknown, path = '$'): string | null {
  if (Object.is(actual, expected)) return null;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) {
    return `${path}: got ${preview(actual)}, expected ${preview(expected)}`;
  }
  if (Array.isArray(actual) !== Array.isArray(expected)) return `${path}: array vs object`;
  if (Array.isArray(actual) && Array.isArray(expected)) return arrayDifference(actual, expected, path);
  return objectDifference(actual as Record<string, unknown>, expected as Record<string, unknown>, path);
}

function arrayDifference(actual: unknown[], expected: unknown[], path: string): string | null {
  if (actual.length !== expected.length)
    return `${path}: length ${actual.length}, expected ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const difference = jsonDifference(actual[i], expected[i], `${path}[${i}]`);
    if (difference) return difference;
  }
  return null;
}

function objectDifference(
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
  path: string,
): string | null {
  const actualKeys = Object.keys(actual).sort();
  const expectedKeys = Object.keys(expected).sort();
  if (actualKeys.join('\0') !== expectedKeys.join('\0')) {
    return `${path}: keys [${actualKeys.join(', ')}], expected [${expectedKeys.join(', ')}]`;
  }
  for (const key of expectedKeys) {
    const difference = jsonDifference(actual[key], expected[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

function preview(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

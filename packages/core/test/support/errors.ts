/** What a call threw: `errorOf` gives undefined when nothing was thrown, `thrownBy` fails the test instead. */
export function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

export function thrownBy(fn: () => unknown): unknown {
  const error = errorOf(fn);
  if (error === undefined) throw new Error('expected an error, none was thrown');
  return error;
}

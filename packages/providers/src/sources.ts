/**
 * A provider's named sources (SPEC §5), one reader per name: the whole set for `buildContext`, or just
 * the names a document's templates read for `contextReader`.
 */
export type SourceReaders = Readonly<Record<string, (payload: unknown) => unknown>>;

/** All the sources of a payload at once, in the readers' order. */
export function sourcesOf(readers: SourceReaders): (payload: unknown) => Record<string, unknown> {
  const names = Object.keys(readers);
  return (payload) => {
    const out: Record<string, unknown> = {};
    for (const name of names) out[name] = (readers[name] as (payload: unknown) => unknown)(payload);
    return out;
  };
}

/** The connection an integration document names (SPEC §10: `"connection": "<id>"`), if any. */
export function connectionOfDoc(doc: unknown): string | null {
  const id = (doc as { connection?: unknown } | null)?.connection;
  return typeof id === 'string' && id ? id : null;
}

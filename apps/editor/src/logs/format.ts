/** Small display helpers for the logs view. */

/** Time of day for today, date and time otherwise. */
export function formatTime(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = d.toLocaleTimeString(undefined, { hour12: false });
  return d.toDateString() === now.toDateString() ? time : `${d.toLocaleDateString()} ${time}`;
}

export function formatHeaders(headers: Record<string, string> | null): string {
  if (!headers) return '';
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

/** Pretty-print a JSON body; other text is shown as it is. */
export function formatBody(body: string | null): string {
  if (body === null || body === '') return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function statusText(status: number | null, error: string | null): string {
  if (status !== null) return String(status);
  return error ? 'error' : '–';
}

/** What names an integration in a list: its name, its document's name, or where it sends (a flow: its last step). */
export function integrationLabel(i: { id: string; name: string | null; doc: unknown }): string {
  const doc = (i.doc ?? {}) as { name?: string; url?: string; steps?: { url?: string }[] };
  const url = doc.url ?? doc.steps?.[doc.steps.length - 1]?.url;
  return i.name ?? doc.name ?? url ?? i.id;
}

/** Where an integration sends, for a tooltip. */
export function integrationUrl(i: { doc: unknown }): string | undefined {
  const doc = (i.doc ?? {}) as { url?: string; steps?: { url?: string }[] };
  return doc.url ?? doc.steps?.map((s) => s.url).join(' → ');
}

/** Editable header rows (name, value, remove, add), with the header problems of the latest render. */
import type { HeaderRow } from '../store.js';
import { usePreview } from '../worker/client.js';

/** Header rows, edited through `onChange` (the flow's or a single request's headers, or one step's own). */
export function Headers({
  rows,
  onChange,
  showErrors = true,
}: {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[], kind?: string) => void;
  showErrors?: boolean;
}) {
  const reply = usePreview((p) => p.reply);
  const headerErrors = showErrors ? (reply?.diagnostics.filter((d) => d.field === 'headers') ?? []) : [];
  const set = (index: number, patch: Partial<HeaderRow>) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
      `header-${index}`,
    );
  return (
    <div className="headers">
      {rows.map((row, index) => (
        <div className="header-row" key={index}>
          <input
            value={row.name}
            placeholder="Header"
            onChange={(e) => set(index, { name: e.target.value })}
            aria-label="Header name"
          />
          <input
            value={row.value}
            placeholder="Value, e.g. Bearer {{secrets.TOKEN}}"
            onChange={(e) => set(index, { value: e.target.value })}
            aria-label="Header value"
          />
          <button
            className="icon"
            aria-label={`Remove header ${row.name}`.trim()}
            title="Remove header"
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      {headerErrors.map((d, i) => (
        <div className="error small" key={i}>
          {d.header}: {d.message} ({d.code})
        </div>
      ))}
      <button className="link" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        + add header
      </button>
    </div>
  );
}

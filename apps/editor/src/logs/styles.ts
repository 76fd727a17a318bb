/** Inline styles of the logs view; colours come from the editor's CSS variables when present. */
import type { CSSProperties } from 'react';
import type { DeliveryStatus } from './types.js';

export const s = {
  panel: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gridAutoRows: 'max-content',
    alignContent: 'start',
    gap: 8,
    padding: 8,
    fontSize: 12,
    minHeight: 0,
    minWidth: 0,
    height: '100%',
    overflow: 'auto',
    boxSizing: 'border-box',
  } as CSSProperties,
  bar: { display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' } as CSSProperties,
  box: {
    border: '1px solid var(--border, #d9dde3)',
    borderRadius: 6,
    padding: 8,
    background: 'var(--panel, #fff)',
    minWidth: 0,
  } as CSSProperties,
  table: { width: '100%', borderCollapse: 'collapse' } as CSSProperties,
  th: {
    textAlign: 'left',
    fontWeight: 600,
    padding: '3px 4px',
    borderBottom: '1px solid var(--border, #d9dde3)',
    color: 'var(--muted, #66707c)',
  } as CSSProperties,
  td: {
    padding: '3px 4px',
    borderBottom: '1px solid var(--border, #eef0f3)',
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
  } as CSSProperties,
  row: { cursor: 'pointer' } as CSSProperties,
  pre: {
    margin: 0,
    padding: 6,
    maxHeight: 220,
    maxWidth: '100%',
    boxSizing: 'border-box',
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    background: 'var(--code-bg, #f3f4f6)',
    borderRadius: 4,
    fontFamily: 'var(--mono, monospace)',
    fontSize: 12,
  } as CSSProperties,
  muted: { color: 'var(--muted, #66707c)' } as CSSProperties,
  error: {
    color: 'var(--bad, #c42b2b)',
    background: 'var(--bad-soft, #fde8e8)',
    padding: '4px 6px',
    borderRadius: 4,
  } as CSSProperties,
  mono: { fontFamily: 'var(--mono, monospace)', fontSize: 12 } as CSSProperties,
  label: { display: 'flex', gap: 4, alignItems: 'center', minWidth: 0, maxWidth: '100%' } as CSSProperties,
  select: { minWidth: 0, maxWidth: '100%' } as CSSProperties,
  stack: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: 6 } as CSSProperties,
};

const tone: Record<DeliveryStatus | 'success' | 'retry' | 'replay', [string, string]> = {
  succeeded: ['var(--good, #1b7f3b)', 'var(--good-soft, #e3f5e8)'],
  success: ['var(--good, #1b7f3b)', 'var(--good-soft, #e3f5e8)'],
  failed: ['var(--bad, #c42b2b)', 'var(--bad-soft, #fde8e8)'],
  pending: ['var(--warn, #9a6200)', 'var(--warn-soft, #fff3d6)'],
  retry: ['var(--warn, #9a6200)', 'var(--warn-soft, #fff3d6)'],
  cancelled: ['var(--muted, #66707c)', 'var(--code-bg, #f3f4f6)'],
  skipped: ['var(--muted, #66707c)', 'var(--code-bg, #f3f4f6)'],
  replay: ['var(--accent, #2457c5)', 'var(--accent-soft, #e6eeff)'],
};

export function badge(kind: keyof typeof tone): CSSProperties {
  const [color, background] = tone[kind];
  return {
    color,
    background,
    borderRadius: 10,
    padding: '0 7px',
    fontWeight: 600,
    fontSize: 12,
    whiteSpace: 'nowrap',
  };
}

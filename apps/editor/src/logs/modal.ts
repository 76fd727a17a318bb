/** What the relay dialogs (Publish, Connections) share: the backdrop, the box and keeping Tab inside. */
import { useEffect, type CSSProperties, type RefObject } from 'react';
import { s } from './styles.js';

export const backdrop: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(20, 24, 33, 0.45)',
  display: 'grid',
  placeItems: 'center',
  zIndex: 50,
};

export const box: CSSProperties = {
  ...s.panel,
  width: 'min(1180px, 96vw)',
  height: 'min(900px, 92vh)',
  background: 'var(--panel, #fff)',
  color: 'var(--text, inherit)',
  borderRadius: 8,
  boxShadow: '0 12px 40px rgba(0, 0, 0, 0.3)',
  padding: 14,
  fontSize: 13,
};

/** Keeps Tab and Shift+Tab inside the modal dialog. */
export function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  const focusable = [
    ...root.querySelectorAll<HTMLElement>(
      'button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
  const firstEl = focusable[0];
  const lastEl = focusable[focusable.length - 1];
  if (!firstEl || !lastEl) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === firstEl || !root.contains(active))) {
    e.preventDefault();
    lastEl.focus();
  } else if (!e.shiftKey && (active === lastEl || !root.contains(active))) {
    e.preventDefault();
    firstEl.focus();
  }
}

/**
 * A modal's keyboard: focus its first control on open, Esc closes it, Tab stays inside, and focus goes
 * back to what opened it on close.
 */
export function useModalKeys(
  dialog: RefObject<HTMLElement | null>,
  first: RefObject<HTMLElement | null>,
  onClose: () => void,
): void {
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      } else if (e.key === 'Tab' && dialog.current) trapTab(e, dialog.current);
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      opener?.focus();
    };
  }, [dialog, first, onClose]);
}

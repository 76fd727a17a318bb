/**
 * Keyboard for the payload tree (WAI-ARIA tree pattern): one tab stop; ↑/↓ move between visible
 * rows, → opens a closed row or goes to its first child, ← closes an open row or goes to its
 * parent, Home/End go to the first/last row, Enter or Space picks the field for mapping.
 */
import type { KeyboardEvent } from 'react';

function visibleItems(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
}

export function focusItem(tree: HTMLElement, item: HTMLElement | undefined): void {
  if (!item) return;
  for (const other of visibleItems(tree)) other.tabIndex = other === item ? 0 : -1;
  item.focus();
}

export function onTreeKeyDown(event: KeyboardEvent<HTMLElement>): void {
  const tree = event.currentTarget;
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!item || !tree.contains(item)) return;
  const items = visibleItems(tree);
  const index = items.indexOf(item);
  const expanded = item.getAttribute('aria-expanded');
  const toggle = () => item.querySelector<HTMLElement>(':scope > .tree-row .twisty')?.click();
  switch (event.key) {
    case 'ArrowDown':
      focusItem(tree, items[index + 1]);
      break;
    case 'ArrowUp':
      focusItem(tree, items[index - 1]);
      break;
    case 'Home':
      focusItem(tree, items[0]);
      break;
    case 'End':
      focusItem(tree, items[items.length - 1]);
      break;
    case 'ArrowRight':
      if (expanded === 'false') toggle();
      else if (expanded === 'true') focusItem(tree, items[index + 1]);
      break;
    case 'ArrowLeft':
      if (expanded === 'true') toggle();
      else focusItem(tree, item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined);
      break;
    case 'Enter':
    case ' ':
      item.querySelector<HTMLElement>(':scope > .tree-row .tree-key')?.click();
      break;
    default:
      return;
  }
  event.preventDefault();
}

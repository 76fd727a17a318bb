/** Pane widths: what the user chose, fitted to the window so the page never overflows it. */

export const SPLITTER_PX = 6;
export const MIN_LEFT = 200;
export const MIN_RIGHT = 280;
export const MIN_CENTER = 440;
export const MAX_LEFT = 640;
export const MAX_RIGHT = 900;

export interface Widths {
  leftWidth: number;
  rightWidth: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/** Widths the user asked for, within each pane's own bounds (what is saved). */
export function clampWidths(left: number, right: number): Widths {
  return {
    leftWidth: clamp(Math.round(left), MIN_LEFT, MAX_LEFT),
    rightWidth: clamp(Math.round(right), MIN_RIGHT, MAX_RIGHT),
  };
}

/**
 * The widths shown in a window `windowWidth` wide: the side panes give up space (right first, then
 * left, proportionally to what they have above their minimum) until the centre keeps MIN_CENTER.
 */
export function fitWidths(saved: Widths, windowWidth: number): Widths {
  const { leftWidth, rightWidth } = clampWidths(saved.leftWidth, saved.rightWidth);
  const room = windowWidth - 2 * SPLITTER_PX - MIN_CENTER;
  let over = leftWidth + rightWidth - room;
  if (over <= 0) return { leftWidth, rightWidth };
  const rightSpare = rightWidth - MIN_RIGHT;
  const fromRight = Math.min(over, rightSpare);
  over -= fromRight;
  const fromLeft = Math.min(over, leftWidth - MIN_LEFT);
  return { leftWidth: leftWidth - fromLeft, rightWidth: rightWidth - fromRight };
}

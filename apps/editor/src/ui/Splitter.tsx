/**
 * A vertical handle that resizes the pane beside it, by pointer or keyboard (focus it, then ←/→;
 * Shift for bigger steps). A drag never reaches anything else on the page: the pointer is captured,
 * the default action (text selection, native drag of what is under the pointer) is prevented, and
 * while it lasts the page has `resizing` set, which turns off selection and stops any drag start.
 */
import { useEffect, useRef } from 'react';

const STEP = 16;
const BIG_STEP = 64;

function stopDragStart(event: DragEvent): void {
  event.preventDefault();
}

function setResizing(on: boolean): void {
  document.documentElement.classList.toggle('resizing', on);
  if (on) window.addEventListener('dragstart', stopDragStart, true);
  else window.removeEventListener('dragstart', stopDragStart, true);
}

export interface SplitterProps {
  label: string;
  /** The width of the pane it resizes. */
  value: number;
  min: number;
  max: number;
  /** 1 when the pane is left of the handle (moving right widens it), -1 when it is right of it. */
  direction: 1 | -1;
  onChange: (width: number) => void;
  testId?: string;
}

export function Splitter({ onChange, direction, label, value, min, max, testId }: SplitterProps) {
  // Where the drag started and the width then: each move sets start + distance, so no move is lost.
  const drag = useRef<{ x: number; width: number } | null>(null);
  useEffect(() => () => setResizing(false), []);
  const end = () => {
    drag.current = null;
    setResizing(false);
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        drag.current = { x: e.clientX, width: value };
        e.currentTarget.setPointerCapture(e.pointerId);
        setResizing(true);
      }}
      onMouseDown={(e) => e.preventDefault()}
      onPointerMove={(e) => {
        if (drag.current === null) return;
        e.preventDefault();
        onChange(drag.current.width + direction * (e.clientX - drag.current.x));
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      onKeyDown={(e) => {
        const step = e.shiftKey ? BIG_STEP : STEP;
        if (e.key === 'ArrowLeft') onChange(value - direction * step);
        else if (e.key === 'ArrowRight') onChange(value + direction * step);
        else return;
        e.preventDefault();
      }}
    />
  );
}

import { describe, expect, it } from 'vitest';
import {
  clampWidths,
  fitWidths,
  MIN_CENTER,
  MIN_LEFT,
  MIN_RIGHT,
  SPLITTER_PX,
} from '../src/layout/widths.js';

describe('pane widths', () => {
  it("keeps what the user chose within each pane's bounds", () => {
    expect(clampWidths(10, 5000)).toEqual({ leftWidth: MIN_LEFT, rightWidth: 900 });
  });

  it.each([1024, 1280, 1920])('never lets saved widths push the page past a %i px window', (width) => {
    for (const saved of [
      { leftWidth: 640, rightWidth: 900 },
      { leftWidth: 300, rightWidth: 440 },
    ]) {
      const fitted = fitWidths(saved, width);
      expect(fitted.leftWidth + fitted.rightWidth + 2 * SPLITTER_PX + MIN_CENTER).toBeLessThanOrEqual(width);
      expect(fitted.leftWidth).toBeGreaterThanOrEqual(MIN_LEFT);
      expect(fitted.rightWidth).toBeGreaterThanOrEqual(MIN_RIGHT);
    }
  });

  it('leaves widths that fit alone', () => {
    expect(fitWidths({ leftWidth: 300, rightWidth: 440 }, 1920)).toEqual({ leftWidth: 300, rightWidth: 440 });
  });
});

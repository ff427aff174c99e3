import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fitColumns } from './fit-columns.js';

describe('fitColumns', () => {
  test('shrinkable columns give way in order, down to their minimum; the rest never', () => {
    const columns = [
      { natural: 40, min: 8, max: 36, shrink: 2 },
      { natural: 27, min: 12, shrink: 1 },
      { natural: 14, min: 14 },
    ];
    expect(fitColumns(columns, undefined)).toEqual({ widths: [36, 27, 14], short: 0 });
    expect(fitColumns(columns, 200)).toEqual({ widths: [36, 27, 14], short: 0 });
    expect(fitColumns(columns, 60)).toEqual({ widths: [34, 12, 14], short: 0 });
    expect(fitColumns(columns, 30)).toEqual({ widths: [8, 12, 14], short: 4 });
  });

  test('the widths fit whenever the minimums do, and no column goes under its minimum', () => {
    const column = fc
      .record({ natural: fc.nat(80), cut: fc.nat(80), shrink: fc.option(fc.nat(5)) })
      .map(({ natural, cut, shrink }) => ({
        natural,
        min: shrink === null ? natural : Math.max(0, natural - cut),
        ...(shrink === null ? {} : { shrink }),
      }));
    fc.assert(
      fc.property(fc.array(column, { maxLength: 6 }), fc.nat(300), (columns, available) => {
        const { widths, short } = fitColumns(columns, available);
        const total = widths.reduce((sum, w) => sum + w, 0);
        expect(total - short).toBeLessThanOrEqual(available);
        widths.forEach((w, i) => {
          expect(w).toBeGreaterThanOrEqual(columns[i]!.min);
          expect(w).toBeLessThanOrEqual(columns[i]!.natural);
        });
        const minimum = columns.reduce((sum, c) => sum + c.min, 0);
        expect(short).toBe(Math.max(0, minimum - available));
      }),
    );
  });
});

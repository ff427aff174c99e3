import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { displayWidth } from '../../model/display-width.js';
import { wrapItems } from './invoice-rows.js';

describe('wrapItems', () => {
  test('as many items a line as fit, later lines under the first item', () => {
    expect(wrapItems('Total:', ['$1.00', '€2.00', '¥3'], 20)).toEqual([
      'Total: $1.00 · €2.00',
      '       ¥3',
    ]);
    // No room beside the label: the label alone, the items two cells in.
    expect(wrapItems('Total excluding VOID:', ['$1,234,567.89'], 16)).toBeUndefined();
    expect(wrapItems('Total:', ['$1,234,567.89'], 16)).toEqual(['Total:', '  $1,234,567.89']);
    expect(wrapItems('Total:', ['$1,234,567.89'], 14)).toBeUndefined();
  });

  test('every item appears whole, in order, and no line is wider than the width', () => {
    const item = fc.stringMatching(/^[$€¥£]?[0-9][0-9,.]{0,14}$/);
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 8 }), fc.nat(120), (items, width) => {
        const lines = wrapItems('Total excluding VOID:', items, width);
        if (lines === undefined) {
          const widest = Math.max(...items.map(displayWidth));
          expect(Math.max(21, 2 + widest)).toBeGreaterThan(width);
          return;
        }
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        const shown = lines
          .join(' · ')
          .replace('Total excluding VOID:', '')
          .split(' · ')
          .map((part) => part.trim())
          .filter((part) => part !== '');
        expect(shown).toEqual(items);
      }),
    );
  });
});

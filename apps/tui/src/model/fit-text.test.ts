import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { fit, fitRight } from './fit-text.js';

// With the u flag, a surrogate pair is one code point: only a lone half matches.
const hasLoneSurrogate = (text: string) => /\p{Cs}/u.test(text);

describe('fit', () => {
  test('pads to display columns: a CJK character or an emoji takes two', () => {
    expect(fit('東京', 6)).toBe('東京  ');
    expect(fit('🍰', 3)).toBe('🍰 ');
    expect(fitRight('¥1,500', 8)).toBe('  ¥1,500');
    expect(fitRight('東京', 6)).toBe('  東京');
  });

  test('cuts at display width with an ellipsis, never through a wide character', () => {
    expect(fit('株式会社サンプル', 7)).toBe('株式会…');
    // Seven columns before the ellipsis would split the fourth character: a space pads instead.
    expect(fit('株式会社サンプル', 8)).toBe('株式会… ');
    expect(fit('Cake 🍰🍰', 8)).toBe('Cake 🍰…');
    expect(fit('Cake 🍰🍰', 7)).toBe('Cake … ');
    expect(fit('👩‍👩‍👧 family', 4)).toBe('👩‍👩‍👧 …');
    expect(fit('東京', 1)).toBe('…');
  });

  test('any text fits exactly, keeps a whole-grapheme prefix and no lone surrogate', () => {
    const text = fc.array(
      fc.constantFrom('a', 'Z', ' ', 'é', 'e\u0301', '東', 'ｶ', '🍰', '👩‍👩‍👧', '🇯🇵', '한', '…'),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (parts, width) => {
        const source = parts.join('');
        for (const out of [fit(source, width), fitRight(source, width)]) {
          expect(stringWidth(out)).toBe(width);
          expect(hasLoneSurrogate(out)).toBe(false);
          if (stringWidth(source) > width) {
            const cut = out.trimEnd();
            expect(cut.endsWith('…')).toBe(true);
            // Cut between graphemes: what is kept is the first few parts, whole.
            const kept = cut.slice(0, -1);
            const prefixes = parts.map((_, n) => parts.slice(0, n).join(''));
            expect(prefixes).toContain(kept);
          } else {
            expect(out.trim()).toBe(source.trim());
          }
        }
      }),
    );
  });
});

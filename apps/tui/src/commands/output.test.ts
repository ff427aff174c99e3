import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { details, table } from './output.js';

/** The display column where `text` starts on `line`. */
const columnOf = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)));

describe('table', () => {
  test('columns line up by display width with CJK and emoji cells', () => {
    const lines = table(
      ['ID', 'NAME', 'EMAIL'],
      [
        ['aa-jp', '株式会社サンプル東京支店営業部', 'jp@example.com'],
        ['aa-emoji', 'Cake 🍰 Shop 👩‍👩‍👧', 'cake@example.com'],
        ['aa-plain', 'Plain Co', 'plain@example.com'],
      ],
    );
    const [header = '', ...rows] = lines;
    const emails = ['jp@example.com', 'cake@example.com', 'plain@example.com'];
    const email = columnOf(header, 'EMAIL');
    expect(rows.map((row, i) => columnOf(row, emails[i] ?? ''))).toEqual([email, email, email]);
    expect(email).toBe(stringWidth('aa-emoji  株式会社サンプル東京支店営業部  '));
  });

  test('details aligns values after wide labels', () => {
    const lines = details([
      ['名前', 'x'],
      ['Name', 'y'],
    ]);
    expect(lines.map((line) => stringWidth(line.slice(0, -1)))).toEqual([6, 6]);
  });
});

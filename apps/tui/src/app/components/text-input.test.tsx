import { render } from 'ink-testing-library';
import { describe, expect, test } from 'vitest';
import { StylesContext } from '../app-context.js';
import { PLAIN_CURSOR } from '../model/input-segments.js';
import { KEYS } from '../test-support/harness.js';
import { effectsSettled, waitUntil } from '../test-support/wait-until.js';
import { TextInput } from './text-input.js';

describe('TextInput', () => {
  test('the cursor moves over a whole emoji and accent, and Backspace removes it whole', async () => {
    const value = 'a👍🏽🇫🇷e\u0301';
    const ui = render(
      <StylesContext.Provider value={false}>
        <TextInput defaultValue={value} />
      </StylesContext.Provider>,
    );
    try {
      const frame = () => ui.lastFrame() ?? '';
      await effectsSettled();
      const moves = [
        `a👍🏽🇫🇷${PLAIN_CURSOR}e\u0301`,
        `a👍🏽${PLAIN_CURSOR}🇫🇷e\u0301`,
        `a${PLAIN_CURSOR}👍🏽🇫🇷e\u0301`,
      ];
      for (const expected of moves) {
        ui.stdin.write(KEYS.left);
        await waitUntil(
          () => frame() === expected,
          `${JSON.stringify(expected)}, saw ${JSON.stringify(frame())}`,
          2000,
        );
      }
      ui.stdin.write(KEYS.right);
      await waitUntil(() => frame() === `a👍🏽${PLAIN_CURSOR}🇫🇷e\u0301`, 'one emoji right', 2000);
      ui.stdin.write(KEYS.backspace);
      await waitUntil(() => frame() === `a${PLAIN_CURSOR}🇫🇷e\u0301`, 'the emoji gone whole', 2000);
      expect(frame()).toBe(`a${PLAIN_CURSOR}🇫🇷e\u0301`);
    } finally {
      ui.unmount();
      ui.cleanup();
    }
  });
});

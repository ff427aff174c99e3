import { useApp, useInput } from 'ink';
import { useState } from 'react';

export type Overlay = 'help' | 'command' | null;

/**
 * Keys that work in every view: Ctrl-C always quits; q, `:` and `?` only when no text input
 * has focus (`capture`), so typing a q into a form types a q. Any other key closes the help.
 */
export function useGlobalKeys(capture: boolean): [Overlay, (overlay: Overlay) => void] {
  const { exit } = useApp();
  const [overlay, setOverlay] = useState<Overlay>(null);
  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      exit();
      return;
    }
    if (overlay === 'help') {
      if (input === 'q') exit();
      else setOverlay(null);
      return;
    }
    if (overlay === 'command' || capture) return;
    if (input === 'q') exit();
    else if (input === ':') setOverlay('command');
    else if (input === '?') setOverlay('help');
  });
  return [overlay, setOverlay];
}

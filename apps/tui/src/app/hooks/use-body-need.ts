import { useEffect } from 'react';
import { MIN_BODY_LINES, useAppActions } from '../app-context.js';

/**
 * Tells the App how many body lines the active view needs (its title, a table's header and
 * one row, a confirm step's whole summary …), so in a short terminal the breadcrumbs and the
 * status line give way before the view has to say it is too small. Back to the minimum when
 * the view stops being the active one.
 */
export function useBodyNeed(active: boolean, lines: number): void {
  const { setBodyNeed } = useAppActions();
  useEffect(() => {
    if (!active) return;
    setBodyNeed(lines);
    return () => setBodyNeed(MIN_BODY_LINES);
  }, [active, lines, setBodyNeed]);
}

import { useCallback, useEffect, useState } from 'react';
import type { FlashTone } from '../app-context.js';

export type Flash = { readonly text: string; readonly tone: FlashTone; readonly id: number };

/** A status message that clears itself after `ms` (unless replaced by a newer one). */
export function useFlash(
  ms: number,
): [Flash | null, (text: string, tone?: FlashTone) => void, () => void] {
  const [flash, setFlash] = useState<Flash | null>(null);
  useEffect(() => {
    if (flash === null) return;
    const timer = setTimeout(
      () => setFlash((current) => (current?.id === flash.id ? null : current)),
      ms,
    );
    return () => clearTimeout(timer);
  }, [flash, ms]);
  const show = useCallback((text: string, tone: FlashTone = 'info') => {
    setFlash((current) => ({ text, tone, id: (current?.id ?? 0) + 1 }));
  }, []);
  const clear = useCallback(() => setFlash(null), []);
  return [flash, show, clear];
}

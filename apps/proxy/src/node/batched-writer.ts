/**
 * Collects log lines and writes them in one call per event-loop turn, instead of one write
 * (a system call when stdout is a file) per request. `flush()` writes what is pending; the
 * server calls it before exiting.
 */
export function createBatchedWriter(write: (text: string) => void): {
  write(line: string): void;
  flush(): void;
} {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    write(text);
  };
  return {
    write(line) {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

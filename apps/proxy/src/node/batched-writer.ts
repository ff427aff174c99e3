/** When a batch of log lines is written at the latest. */
export type BatchLimits = {
  /** Bytes pending that make the batch go out at once (default 16,384). */
  readonly maxBytes?: number;
  /** How long the first pending line may wait, in ms (default 50). */
  readonly maxDelayMs?: number;
};

/** Where batches go: a writable stream such as `process.stdout`. */
export type BatchSink = {
  write(chunk: Uint8Array): unknown;
  /** Bytes the stream still holds; 0 once a write has gone through. */
  readonly writableLength?: number;
};

/** Room for a full batch and a line past it before the batch goes out. */
const CAPACITY = 64 * 1024;

/**
 * Collects log lines as UTF-8 in one buffer and writes them together: when 16 KiB are pending,
 * or 50 ms after the first of them. One line costs one copy into the buffer, instead of a
 * system call (and the stream's bookkeeping) per request, and the joining and re-encoding of
 * the lines as strings. The buffer is used again once the sink has taken all of it (a file
 * or a pipe with room takes it at once); while a write is pending, the next batch gets a new
 * one. `flush()` writes what is pending, and the server calls it when the process exits,
 * however it exits; `end()`, when the server closes, also sends every later line at once.
 */
export function createBatchedWriter(
  sink: BatchSink,
  { maxBytes = 16_384, maxDelayMs = 50 }: BatchLimits = {},
): { write(line: string): void; flush(): void; end(): void } {
  const capacity = Math.max(CAPACITY, maxBytes * 2);
  let buffer = Buffer.allocUnsafe(capacity);
  let used = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (used === 0) return;
    const chunk = buffer.subarray(0, used);
    used = 0;
    sink.write(chunk);
    if ((sink.writableLength ?? 1) !== 0) buffer = Buffer.allocUnsafe(capacity);
  };
  return {
    write(line) {
      if (ended) {
        sink.write(Buffer.from(`${line}\n`));
        return;
      }
      // A UTF-16 unit is at most 3 bytes of UTF-8; and the newline.
      const most = line.length * 3 + 1;
      if (used + most > buffer.length) {
        flush();
        if (most > buffer.length) {
          sink.write(Buffer.from(`${line}\n`));
          return;
        }
      }
      used += buffer.write(line, used);
      buffer[used++] = 0x0a;
      if (used >= maxBytes) flush();
      else if (timer === undefined) {
        timer = setTimeout(flush, maxDelayMs);
        // Pending lines never keep a process alive: the exit hook writes them.
        timer.unref?.();
      }
    },
    flush,
    /** Writes what is pending; every line after it goes out at once, on its own. */
    end() {
      flush();
      ended = true;
    },
  };
}

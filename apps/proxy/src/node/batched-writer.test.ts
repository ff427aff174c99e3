import { describe, expect, test } from 'vitest';
import { until } from '../test/poll.js';
import { type BatchSink, createBatchedWriter } from './batched-writer.js';

/** A sink that keeps a copy of each chunk, as text; `held` bytes stay "pending" after a write. */
const sink = (held = 0): BatchSink & { writes: string[]; chunks: Uint8Array[] } => {
  const writes: string[] = [];
  const chunks: Uint8Array[] = [];
  return {
    writes,
    chunks,
    writableLength: held,
    write(chunk) {
      chunks.push(chunk);
      writes.push(Buffer.from(chunk).toString('utf8'));
    },
  };
};

describe('batched log writer', () => {
  test('lines go out together, in order, after the delay; flush writes what is pending', async () => {
    const out = sink();
    const batch = createBatchedWriter(out, { maxDelayMs: 30 });
    const started = performance.now();
    batch.write('a');
    batch.write('b');
    // Not in this turn, nor the next: the batch waits for more lines.
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.writes).toEqual([]);
    await until(() => (out.writes.length > 0 ? true : undefined), 'the batch');
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    expect(out.writes).toEqual(['a\nb\n']);
    batch.write('c');
    batch.flush();
    expect(out.writes).toEqual(['a\nb\n', 'c\n']);
    batch.flush();
    expect(out.writes).toHaveLength(2);
  });

  test('a batch that reaches its size goes out at once, in one write', () => {
    const out = sink();
    const batch = createBatchedWriter(out, { maxBytes: 11 });
    batch.write('1234');
    batch.write('5678');
    expect(out.writes).toEqual([]);
    // 5 + 5 bytes with their newlines stay under the 11; 2 more make 12.
    batch.write('9');
    expect(out.writes).toEqual(['1234\n5678\n9\n']);
    batch.write('x');
    expect(out.writes).toHaveLength(1);
    batch.flush();
    expect(out.writes).toEqual(['1234\n5678\n9\n', 'x\n']);
  });

  test('a flush by size leaves no timer behind to write twice', async () => {
    const out = sink();
    const batch = createBatchedWriter(out, { maxBytes: 4, maxDelayMs: 10 });
    batch.write('a');
    batch.write('bcd');
    expect(out.writes).toEqual(['a\nbcd\n']);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(out.writes).toEqual(['a\nbcd\n']);
  });

  test('any text arrives as UTF-8, and a line longer than the buffer goes out on its own', () => {
    const out = sink();
    const batch = createBatchedWriter(out, { maxBytes: 64 });
    batch.write('café ☕ 𝄞');
    // A lone surrogate is written as U+FFFD, as TextEncoder writes it.
    batch.write('x\ud800y');
    const long = 'é'.repeat(70_000);
    batch.write(long);
    batch.flush();
    expect(out.writes).toEqual(['café ☕ 𝄞\nx\ufffdy\n', `${long}\n`]);
  });

  test('a buffer the sink still holds is never written into again', () => {
    const out = sink(1);
    const batch = createBatchedWriter(out);
    batch.write('first');
    batch.flush();
    batch.write('second');
    batch.flush();
    // The first chunk, still pending in the sink, is unchanged by the second batch.
    expect(Buffer.from(out.chunks[0]!).toString()).toBe('first\n');
    expect(out.writes).toEqual(['first\n', 'second\n']);

    // With the sink done at once, the same memory is used again.
    const done = sink(0);
    const reused = createBatchedWriter(done);
    reused.write('one');
    reused.flush();
    reused.write('two');
    reused.flush();
    expect(done.chunks[0]!.buffer).toBe(done.chunks[1]!.buffer);
    expect(done.writes).toEqual(['one\n', 'two\n']);
  });

  test('after end(), what was pending is written and every later line goes out at once', () => {
    const out = sink();
    const batch = createBatchedWriter(out, { maxDelayMs: 10_000 });
    batch.write('pending');
    batch.end();
    expect(out.writes).toEqual(['pending\n']);
    batch.write('after');
    batch.write('more');
    expect(out.writes).toEqual(['pending\n', 'after\n', 'more\n']);
  });
});

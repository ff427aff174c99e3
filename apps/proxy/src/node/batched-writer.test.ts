import { describe, expect, test } from 'vitest';
import { until } from '../test/poll.js';
import { createBatchedWriter } from './batched-writer.js';

describe('batched log writer', () => {
  test('lines written in one turn go out in one write, in order; flush writes what is pending', async () => {
    const writes: string[] = [];
    const batch = createBatchedWriter((text) => writes.push(text));
    batch.write('a');
    batch.write('b');
    expect(writes).toEqual([]);
    await until(() => (writes.length > 0 ? true : undefined), 'the batch');
    expect(writes).toEqual(['a\nb\n']);
    batch.write('c');
    batch.flush();
    expect(writes).toEqual(['a\nb\n', 'c\n']);
    batch.flush();
    expect(writes).toHaveLength(2);
  });
});

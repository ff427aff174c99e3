import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createStack } from '../test/harness.js';
import { duplicateKeys, MAX_REPEATS } from './duplicate-keys.js';

describe('duplicate keys in a JSON body', () => {
  test('names each key given twice in one object, by its path, compared as parsed', () => {
    expect(duplicateKeys('{"customerId":"v-7a","customerName":"V","customerId":"v-7b"}')).toEqual([
      'customerId',
    ]);
    expect(duplicateKeys('{"a":1,"\\u0061":2}')).toEqual(['a']);
    expect(
      duplicateKeys(
        '{"address":{"city":"x","city":"y"},"traits":[{"k":1},{"k":1,"k":2}],"a":{"a":{"a":1}}}',
      ),
    ).toEqual(['address.city', 'traits.1.k']);
    // Strings holding quotes, backslashes, braces and commas are values, not structure.
    expect(
      duplicateKeys('{"a":"\\"b\\":1,{","b\\\\":"}","c":["\\\\",{"d":1}],"d":[1,{"d":"\\\\\\""}]}'),
    ).toEqual([]);
    expect(duplicateKeys('{"a":1,"a":2,"a":3}')).toEqual(['a']);
    expect(duplicateKeys('[{"x":1},{"x":1}]')).toEqual([]);
    expect(duplicateKeys('"{\\"a\\":1,\\"a\\":2}"')).toEqual([]);
  });

  test('agrees with JSON.parse on any JSON text: none when parsed objects keep every key', () => {
    // Objects built without duplicates, serialised: never flagged.
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(duplicateKeys(JSON.stringify(value))).toEqual([]);
      }),
      { numRuns: 300 },
    );
    // A duplicate spliced into any object's text is found.
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (obj, key) => {
        const text = JSON.stringify(obj);
        const k = JSON.stringify(key);
        const twice = `{${k}:1,${k}:2${text === '{}' ? '' : `,${text.slice(1)}`}`;
        if (text === '{}') expect(duplicateKeys(`${twice}}`)).toContain(key);
        else expect(duplicateKeys(twice)).toContain(key);
      }),
      { numRuns: 300 },
    );
  });

  test('a 100 kB body of distinct keys or deep nesting has none', () => {
    const wide = `{${Array.from({ length: 8000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect(duplicateKeys(wide)).toEqual([]);
    expect(duplicateKeys(deep)).toEqual([]);
  });

  test(`stops at the ${MAX_REPEATS}th repeat (a path costs the depth to build, so thousands of repeats deep down would not be linear)`, () => {
    const repeats = (key: string, n: number) => Array.from({ length: n }, () => `"${key}":1`);
    const body = (n: number) => `{"a":{${[...repeats('x', n), ...repeats('y', 2)].join(',')}}}`;
    // Repeats 1–9 of x, then y's one: both named.
    expect(duplicateKeys(body(MAX_REPEATS - 1))).toEqual(['a.x', 'a.y']);
    // The 10th repeat of x ends the scan before y.
    expect(duplicateKeys(body(MAX_REPEATS + 1))).toEqual(['a.x']);
    const nasty = `${'{"a":'.repeat(8_500)}{${repeats('x', 8_500).join(',')}}${'}'.repeat(8_500)}`;
    expect(duplicateKeys(nasty)).toEqual([`${'a.'.repeat(8_500)}x`]);
  });

  test('through the proxy: 400 VALIDATION_FAILED naming the key, nothing sent upstream', async () => {
    await using stack = await createStack();
    const res = await stack.call('/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"customerId":"v-7a","customerName":"V","customerId":"v-7b"}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'customerId', message: expect.stringContaining('more than once') }],
    });
    const nested = await stack.call('/customers', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"customerId":"customer-123456","customerName":"A","traits":{"t":"1","t":"2"}}',
    });
    expect(nested.status).toBe(400);
    expect(await nested.json()).toMatchObject({ issues: [{ path: 'traits.t' }] });
    expect(stack.emulator.requests()).toEqual([]);
  });
});

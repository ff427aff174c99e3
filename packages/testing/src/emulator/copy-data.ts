/**
 * A deep copy of the emulator's JSON data, by a JSON round trip: what the emulator stores or
 * hands out is copied, so a test's later edits never reach the stored data (or its cached
 * JSON), and the emulator's never reach the test's. Measured with 100,000 seeded customers:
 * 39 MB held after `JSON.parse` (it makes compact objects and shares repeated strings),
 * against 57 MB after `structuredClone` or a hand-written recursive copy, and 76 MB for the
 * seeded objects themselves. Like the data file, it keeps what JSON keeps: `undefined`
 * fields are dropped.
 */
export function copyData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

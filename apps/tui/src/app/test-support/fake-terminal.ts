import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';

/** A TTY-like output stream of fixed size that hands every write to `onWrite`. */
export function fakeStdout(
  columns: number,
  rows: number,
  onWrite: (chunk: string) => void,
): NodeJS.WriteStream {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      onWrite(chunk.toString());
      callback();
    },
  });
  return Object.assign(stream, { columns, rows, isTTY: true }) as unknown as NodeJS.WriteStream;
}

/** Keyboard input Ink can read (raw mode accepted, keys pushed with `press`). */
export class FakeStdin extends EventEmitter {
  isTTY = true;
  #pending: string[] = [];
  press(key: string): void {
    this.#pending.push(key);
    this.emit('readable');
  }
  read(): string | null {
    return this.#pending.shift() ?? null;
  }
  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

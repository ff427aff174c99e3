import { EventEmitter } from 'node:events';
import { splitKeys } from './split-keys.js';

/** Time between two keys of one burst, so React renders (and subscribes new views) in between. */
const KEY_GAP_MS = 4;

/**
 * The terminal's input as Ink reads it, but one key per read. A terminal hands over a burst of
 * keys (fast typing, `tmux send-keys`, a slow link) as one string such as `"j\r"`, which Ink
 * passes to handlers whole: no binding matches it and the keys are lost, or handlers act on
 * the state from before the first key. Delivered one by one, each key sees the screen the
 * previous one produced. Everything else is forwarded to the real stdin.
 */
export class KeyStream extends EventEmitter {
  readonly #source: NodeJS.ReadStream;
  readonly #pending: string[] = [];
  #ready: string | null = null;
  #timer: NodeJS.Timeout | undefined;
  #attached = false;

  constructor(source: NodeJS.ReadStream) {
    super();
    this.#source = source;
    this.on('newListener', (event) => {
      if (event === 'readable' && !this.#attached) {
        this.#attached = true;
        source.on('readable', this.#onSourceReadable);
      }
    });
    this.on('removeListener', (event) => {
      if (event === 'readable' && this.listenerCount('readable') === 0 && this.#attached) {
        this.#attached = false;
        source.off('readable', this.#onSourceReadable);
      }
    });
  }

  get isTTY(): boolean {
    return this.#source.isTTY === true;
  }

  read(): string | null {
    const key = this.#ready;
    this.#ready = null;
    return key;
  }

  setRawMode(mode: boolean): this {
    this.#source.setRawMode?.(mode);
    return this;
  }

  setEncoding(encoding: BufferEncoding): this {
    this.#source.setEncoding(encoding);
    return this;
  }

  ref(): this {
    this.#source.ref();
    return this;
  }

  unref(): this {
    this.#source.unref();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    return this;
  }

  resume(): this {
    this.#source.resume();
    return this;
  }

  pause(): this {
    this.#source.pause();
    return this;
  }

  #onSourceReadable = (): void => {
    let chunk: string | Buffer | null;
    // biome-ignore lint/suspicious/noAssignInExpressions: the stream idiom
    while ((chunk = this.#source.read() as string | Buffer | null) !== null) {
      this.#pending.push(...splitKeys(typeof chunk === 'string' ? chunk : chunk.toString('utf8')));
    }
    if (this.#timer === undefined) this.#deliver();
  };

  #deliver = (): void => {
    this.#timer = undefined;
    const key = this.#pending.shift();
    if (key === undefined) return;
    this.#ready = key;
    this.emit('readable');
    if (this.#pending.length > 0) this.#timer = setTimeout(this.#deliver, KEY_GAP_MS);
  };
}

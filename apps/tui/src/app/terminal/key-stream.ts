import { EventEmitter } from 'node:events';
import { splitKeys } from './split-keys.js';

/** Time between two keys of one burst, so React renders (and subscribes new views) in between. */
const KEY_GAP_MS = 4;
/**
 * Event-loop turns to let pass after a key before the next one. A key can mount a view whose
 * input handlers subscribe in React effects, which run a few `setImmediate` turns later (and a
 * focused input's capture one render after that). Waiting in turns, not only in time, keeps
 * the order even when the process was starved and keys pile up: a timer alone can fire
 * before React's pending work, and the key would reach the view it was not meant for.
 */
const SETTLE_TURNS = 6;

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
  /** A key was delivered and the app has not settled yet: later keys wait in `#pending`. */
  #busy = false;
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
    this.#busy = false;
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
    if (!this.#busy) this.#deliver();
  };

  #deliver = (): void => {
    this.#timer = undefined;
    const key = this.#pending.shift();
    if (key === undefined) {
      this.#busy = false;
      return;
    }
    this.#busy = true;
    this.#ready = key;
    this.emit('readable');
    this.#settle(SETTLE_TURNS);
  };

  #settle = (turns: number): void => {
    if (!this.#busy) return; // unref'd meanwhile: the UI is gone
    if (turns > 0) setImmediate(() => this.#settle(turns - 1));
    else this.#timer = setTimeout(this.#deliver, KEY_GAP_MS);
  };
}

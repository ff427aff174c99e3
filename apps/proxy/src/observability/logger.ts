export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;
export type Logger = {
  readonly debug: (msg: string, fields?: LogFields) => void;
  readonly info: (msg: string, fields?: LogFields) => void;
  readonly warn: (msg: string, fields?: LogFields) => void;
  readonly error: (msg: string, fields?: LogFields) => void;
  /**
   * The access line of one answered request (`"msg":"request"`, at info). Loggers without it
   * get `info('request', fields)`.
   */
  readonly request?: (line: RequestLine) => void;
};

/** The fields of the one log line per answered request. */
export type RequestLine = {
  /** As `requestIdFor` gives it: a UUID or the caller's `[\w=-]{1,128}`, nothing to escape. */
  readonly requestId: string;
  /**
   * True when `requestId` is a UUID this proxy made, not the caller's: it cannot hold a key,
   * so it is written as it is. Otherwise it is masked like any other field.
   */
  readonly requestIdGenerated?: boolean;
  readonly method: string;
  readonly route: string;
  readonly status: number;
  readonly cache: string | undefined;
  readonly upstreamMs: number | undefined;
  readonly ms: number;
  readonly caller: string | undefined;
};

/** Milliseconds to two decimals, as a JSON number (null if not finite). */
export const roundMs = (ms: number): number | null =>
  Number.isFinite(ms) ? Math.round(ms * 100) / 100 : null;

/** Hundredths of a millisecond up to this are written with integer arithmetic (a Smi). */
const SMALL_HUNDREDTHS = 0x3fff_ffff;

/**
 * `String(roundMs(ms))` — `"0.5"`, `"12.05"`, `"3"`, `"null"` — from the hundredths as an
 * integer: formatting a double is the costly part of writing a duration, and every answer
 * writes two or three (Server-Timing, the access line).
 */
export function formatMs(ms: number): string {
  const hundredths = Math.round(ms * 100);
  if (!(hundredths >= 0 && hundredths <= SMALL_HUNDREDTHS)) return String(roundMs(ms));
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths - whole * 100;
  if (fraction === 0) return `${whole}`;
  if (fraction % 10 === 0) return `${whole}.${fraction / 10}`;
  return `${whole}.${fraction < 10 ? '0' : ''}${fraction}`;
}

export type LoggerOptions = {
  readonly level?: LogLevel;
  /** Where each JSON line goes. Default: console.log (Workers collect that). */
  readonly write?: (line: string) => void;
  /**
   * Where the lines other than the per-request access line go (start, reloads, drain, errors):
   * rare, and not to be held back where `write` batches. Default: `write`.
   */
  readonly writeNow?: (line: string) => void;
  /** Strings that must never be logged (the Amberflo key, a Redis password). */
  readonly secrets?: readonly string[];
  readonly clock?: () => number;
};

/** `000` … `999`. */
const MILLIS = Array.from({ length: 1000 }, (_, ms) => String(ms).padStart(3, '0'));

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
/** Caller keys look like this; anything that does is masked before it is written. */
const CALLER_KEY = /ak_[0-9A-Za-z]{8,}/g;
/** The same shape, for a test (a global regex keeps state between `test` calls). */
const CALLER_KEY_ANYWHERE = new RegExp(CALLER_KEY.source);

/** Whether `text` holds something shaped like a caller key, which the log lines would mask. */
export const looksLikeCallerKey = (text: string): boolean =>
  text.includes('ak_') && CALLER_KEY_ANYWHERE.test(text);

/** Masks secrets in a finished log line; used by the logger and by tests scanning output. */
export function redact(line: string, secrets: readonly string[]): string {
  let out = line.includes('ak_') ? line.replace(CALLER_KEY, 'ak_[redacted]') : line;
  for (const secret of secrets)
    if (secret && out.includes(secret)) out = out.split(secret).join('[redacted]');
  return out;
}

/** Structured JSON logs, one object per line, with secrets masked. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const min = RANK[options.level ?? 'info'];
  // biome-ignore lint/suspicious/noConsole: the portable sink on Workers, Bun and Deno.
  const write = options.write ?? ((line: string) => console.log(line));
  const writeNow = options.writeNow ?? write;
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const clock = options.clock ?? Date.now;
  // `toISOString` formats through printf-style code (a few thousand instructions): format the
  // second once and append the milliseconds, and under load, where lines share a millisecond,
  // reuse the whole string.
  let lastMs = Number.NaN;
  let lastIso = '';
  let second = Number.NaN;
  let secondPrefix = '';
  const isoAt = (time: number) => {
    const ms = Math.trunc(time);
    if (ms === lastMs) return lastIso;
    lastMs = ms;
    const sec = Math.floor(ms / 1000);
    if (sec !== second) {
      const iso = new Date(ms).toISOString();
      // `YYYY-MM-DDTHH:MM:SS.` for the years 0000–9999; other years have a sign and six digits.
      if (iso.length !== 24) {
        lastIso = iso;
        return iso;
      }
      second = sec;
      secondPrefix = iso.slice(0, 20);
    }
    lastIso = `${secondPrefix}${MILLIS[ms - sec * 1000]}Z`;
    return lastIso;
  };
  const time = () => isoAt(clock());
  const at = (level: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (RANK[level] < min) return;
    const head = `{"time":"${time()}","level":"${level}","msg":${JSON.stringify(msg)}`;
    const rest = fields ? JSON.stringify(fields) : '{}';
    const line = rest === '{}' ? `${head}}` : `${head},${rest.slice(1)}`;
    writeNow(redact(line, secrets));
  };
  // The access line is written field by field rather than by serialising an object, which
  // took a sixth of a cache HIT's instructions. Its strings other than the id repeat from a
  // small set (methods, routes, callers, cache results), so each is escaped and masked once;
  // the id is masked on its own, so a secret is masked in whichever field carries it.
  const literals = new Map<string, string>();
  const literal = (value: string): string => {
    let json = literals.get(value);
    if (json === undefined) {
      json = JSON.stringify(redact(value, secrets));
      if (literals.size < 1_000) literals.set(value, json);
    }
    return json;
  };
  // Under load, line after line has the same method, route, status, cache result and caller:
  // the parts they make are kept from the last line and rebuilt only when one changes.
  let headMs = Number.NaN;
  let head = '';
  let middle = { method: '', route: '', status: 0, cache: '' as string | undefined, text: '' };
  let tail = { caller: '' as string | undefined, text: '}' };
  const request = (f: RequestLine) => {
    if (RANK.info < min) return;
    const now = clock();
    if (now !== headMs) {
      headMs = now;
      head = `{"time":"${isoAt(now)}","level":"info","msg":"request","requestId":"`;
    }
    const m = middle;
    if (
      m.method !== f.method ||
      m.route !== f.route ||
      m.status !== f.status ||
      m.cache !== f.cache
    ) {
      let text = `","method":${literal(f.method)},"route":${literal(f.route)},"status":${f.status}`;
      if (f.cache !== undefined) text += `,"cache":${literal(f.cache)}`;
      middle = { method: f.method, route: f.route, status: f.status, cache: f.cache, text };
    }
    if (tail.caller !== f.caller)
      tail = {
        caller: f.caller,
        text: f.caller === undefined ? '}' : `,"caller":${literal(f.caller)}}`,
      };
    const upstream = f.upstreamMs === undefined ? '' : `,"upstreamMs":${formatMs(f.upstreamMs)}`;
    write(
      `${head}${f.requestIdGenerated === true ? f.requestId : redact(f.requestId, secrets)}${middle.text}${upstream},"ms":${formatMs(f.ms)}${tail.text}`,
    );
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    request,
  };
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;
export type Logger = {
  readonly debug: (msg: string, fields?: LogFields) => void;
  readonly info: (msg: string, fields?: LogFields) => void;
  readonly warn: (msg: string, fields?: LogFields) => void;
  readonly error: (msg: string, fields?: LogFields) => void;
};

export type LoggerOptions = {
  readonly level?: LogLevel;
  /** Where each JSON line goes. Default: console.log (Workers collect that). */
  readonly write?: (line: string) => void;
  /** Strings that must never be logged (the Amberflo key, a Redis password). */
  readonly secrets?: readonly string[];
  readonly clock?: () => number;
};

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
/** Caller keys look like this; anything that does is masked before it is written. */
const CALLER_KEY = /ak_[0-9A-Za-z]{8,}/g;

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
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const clock = options.clock ?? Date.now;
  // Many lines share a millisecond under load; format each millisecond once.
  let lastMs = Number.NaN;
  let lastIso = '';
  const at = (level: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: LogFields) => {
    if (RANK[level] < min) return;
    const ms = clock();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    const head = `{"time":"${lastIso}","level":"${level}","msg":${JSON.stringify(msg)}`;
    const rest = fields ? JSON.stringify(fields) : '{}';
    const line = rest === '{}' ? `${head}}` : `${head},${rest.slice(1)}`;
    write(redact(line, secrets));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

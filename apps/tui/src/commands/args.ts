import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;
export type ArgValues = Record<string, string | boolean | string[] | undefined>;

/** Parsed arguments with typed accessors. */
export type ParsedArgs = {
  values: ArgValues;
  positionals: string[];
  string(name: string): string | undefined;
  flag(name: string): boolean;
  strings(name: string): string[];
};

/**
 * Strict `node:util` parseArgs for one command: an unknown flag, a missing value or a wrong
 * number of positionals is a {@link UsageError} of one line. Positional values are never
 * echoed (a mistyped flag can leave an API key as a positional).
 */
export function parseCommandArgs(
  args: readonly string[],
  options: OptionSpec,
  spec: { command: string; positionals?: readonly string[] },
): ParsedArgs {
  const names = spec.positionals ?? [];
  const where = spec.command === '' ? '`amberkit`' : `\`amberkit ${spec.command}\``;
  let parsed: { values: ArgValues; positionals: string[] };
  try {
    // Our option specs only declare string lists, so the values are never boolean arrays.
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true }) as {
      values: ArgValues;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError(`${parseErrorLine(error)} for ${where} (see --help)`);
  }
  const { values, positionals } = parsed;
  checkEncoding(values, positionals, names);
  const wantsHelp = values.help === true;
  if (!wantsHelp && positionals.length !== names.length) {
    const expected = names.length === 0 ? 'no arguments' : names.map((n) => `<${n}>`).join(' ');
    const problem = positionals.length < names.length ? 'missing argument' : 'too many arguments';
    throw new UsageError(`${problem} for ${where} (expected ${expected})`);
  }
  return {
    values,
    positionals,
    string: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    flag: (name) => values[name] === true,
    strings: (name) => {
      const value = values[name];
      return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    },
  };
}

/**
 * Node decodes the command line as UTF-8 and turns bytes that are not into U+FFFD, silently:
 * a name typed in Latin-1 would be stored with `�` in it. Nobody means U+FFFD in a value, so
 * one is taken as such a byte and refused, naming the flag (the value itself is not echoed).
 */
function checkEncoding(
  values: ArgValues,
  positionals: readonly string[],
  names: readonly string[],
) {
  const bad = (text: string) => text.includes('\uFFFD');
  const problem =
    'is not valid UTF-8 (check the encoding of your terminal or script); nothing was sent';
  for (const [name, value] of Object.entries(values)) {
    const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    if (texts.some(bad)) throw new UsageError(`--${name} ${problem}`);
  }
  positionals.forEach((text, index) => {
    if (bad(text)) throw new UsageError(`<${names[index] ?? 'argument'}> ${problem}`);
  });
}

function parseErrorLine(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(message)) return `option '${option}' needs a value`;
    // `--amount -5`: Node will not take a value that looks like a flag. The value itself is
    // not echoed (it could be a key typed after the wrong flag).
    if (/argument is ambiguous/.test(message)) {
      return `option '${option}' needs a value; write ${option}=VALUE for a value starting with '-'`;
    }
    return `option '${option}' does not take a value`;
  }
  return message.split('. ')[0] ?? message;
}

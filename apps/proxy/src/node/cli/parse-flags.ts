import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

type Spec = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` in strict mode, its errors turned into one short line. */
export function parseFlags<S extends Spec>(
  args: string[],
  options: S,
  positionals = 0,
): ReturnType<typeof parseArgs<{ options: S; strict: true; allowPositionals: boolean }>> {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}" (see --help)`);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as { code?: string }).code;
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`unknown option ${option} (see --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = option.split(' ')[0];
      // The value given starts with "-" (`--port -1`): parseArgs takes it for an option.
      if (/ambiguous/.test((error as Error).message))
        throw new UsageError(
          `option ${name}: a value starting with "-" is written ${name}=<value>`,
        );
      throw new UsageError(`option ${name} needs a value`);
    }
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
}

import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeIssues, toErrorIssues } from '@amberkit/core/schemas';
import { ConfigError } from './errors.js';
import { ConfigFile } from './schema.js';

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error ? String(error.code) : undefined;

/**
 * Reads and validates the config file. A missing file is an empty config; an unreadable,
 * non-JSON or invalid file is a {@link ConfigError} naming the file (and the fields).
 */
export async function readConfigFile(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { profiles: {} };
    throw new ConfigError(`cannot read config file ${path} (${errnoCode(error) ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError(`config file ${path} is not valid JSON; fix or remove it`);
  }
  const parsed = ConfigFile.safeParse(json);
  if (!parsed.success) {
    const details = describeIssues(toErrorIssues(parsed.error));
    throw new ConfigError(`config file ${path} is invalid (${details}); fix or remove it`);
  }
  return parsed.data;
}

/**
 * Writes the config file atomically (temp file + rename) with mode 0600 in a 0700
 * directory: it holds API keys.
 */
export async function writeConfigFile(path: string, config: ConfigFile): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new ConfigError(`cannot write config file ${path} (${errnoCode(error) ?? 'error'})`);
  }
}

import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../commands/test-support/temp-dir.js';
import { ConfigError } from './errors.js';
import { readConfigFile, writeConfigFile } from './file.js';

const config = {
  defaultProfile: 'local',
  profiles: { local: { baseUrl: 'http://127.0.0.1:4010', apiKey: 'secret-key-1' } },
};

describe('config file', () => {
  test('a missing file is an empty config', async () => {
    await using dir = await tempDir();
    await expect(readConfigFile(join(dir.path, 'nope', 'config.json'))).resolves.toEqual({
      profiles: {},
    });
  });

  test('writes 0600 in a 0700 directory, atomically, and reads back', async () => {
    await using dir = await tempDir();
    const path = join(dir.path, 'amberkit', 'config.json');
    await writeConfigFile(path, config);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir.path, 'amberkit'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(dir.path, 'amberkit'))).toEqual(['config.json']);
    await expect(readConfigFile(path)).resolves.toEqual(config);
  });

  test('tightens an existing directory and file to 0700 / 0600', async () => {
    await using dir = await tempDir();
    const folder = join(dir.path, 'amberkit');
    await mkdir(folder, { mode: 0o755 });
    await writeFile(join(folder, 'config.json'), '{}', { mode: 0o644 });
    await writeConfigFile(join(folder, 'config.json'), config);
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    expect((await stat(join(folder, 'config.json'))).mode & 0o777).toBe(0o600);
  });

  test('keeps fields it does not know', async () => {
    await using dir = await tempDir();
    const path = join(dir.path, 'config.json');
    await writeFile(path, JSON.stringify({ ...config, theme: 'dark' }));
    const read = await readConfigFile(path);
    await writeConfigFile(path, read);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  test('corrupt JSON is one line naming the file', async () => {
    await using dir = await tempDir();
    const path = join(dir.path, 'config.json');
    await writeFile(path, '{"profiles": {');
    const error = await readConfigFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).not.toContain('\n');
  });

  test('an invalid profile names the file and the field, never the key', async () => {
    await using dir = await tempDir();
    const path = join(dir.path, 'config.json');
    const bad = { profiles: { prod: { baseUrl: 'ftp://example.com', apiKey: 'secret-key-2' } } };
    await writeFile(path, JSON.stringify(bad));
    const error = (await readConfigFile(path).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(path);
    expect(error.message).toContain('profiles.prod.baseUrl');
    expect(error.message).not.toContain('secret-key-2');
  });
});

import { describe, expect, test } from 'vitest';
import { packageRoot, spawnServer } from './runtimes.js';

describe('spawnServer', () => {
  test('a command that cannot be spawned fails the test with the reason', async () => {
    await expect(
      spawnServer('/nonexistent/amberkit-runtime', [], { cwd: packageRoot, env: {} }),
    ).rejects.toThrow(/cannot spawn \/nonexistent\/amberkit-runtime: .*ENOENT/);
  });

  test('a server killed by a signal before it prints its URL fails at once, naming the signal', async () => {
    const started = Date.now();
    await expect(
      spawnServer(
        process.execPath,
        ['-e', "console.log('starting'); process.kill(process.pid, 'SIGKILL')"],
        { cwd: packageRoot, env: {} },
      ),
    ).rejects.toThrow(/was killed by SIGKILL: starting/);
    // Not the 15 s wait for a URL.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

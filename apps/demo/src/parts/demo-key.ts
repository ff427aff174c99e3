import { execFile } from 'node:child_process';
import process from 'node:process';
import { promisify } from 'node:util';
import { z } from 'zod';
import { resolveBin } from './bins.js';

const run = promisify(execFile);

/** What `amberkit-proxy keys create` prints (design.md, "Proxy keys"). */
const CreatedKey = z.object({
  key: z.string().startsWith('ak_'),
  entry: z.looseObject({ name: z.string(), hash: z.string(), scopes: z.array(z.string()) }),
});
export type DemoKey = z.infer<typeof CreatedKey>;

/**
 * Mints a throwaway caller key with every scope, with the proxy's own `keys create` so the
 * demo key is made exactly as an operator would make one. Only the entry (its hash) goes to
 * the proxy; the key itself is printed for the person running the demo.
 */
export async function mintDemoKey(env: Record<string, string | undefined>): Promise<DemoKey> {
  const { stdout } = await run(
    process.execPath,
    [resolveBin('proxy'), 'keys', 'create', '--name', 'demo', '--scopes', '*'],
    { env, timeout: 15_000 },
  );
  return CreatedKey.parse(JSON.parse(stdout));
}

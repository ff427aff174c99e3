#!/usr/bin/env node
// The `amberkit-emulator` command. A file kept in git rather than dist/cli.js itself, so that pnpm can
// link the command in a fresh checkout before the first build (pnpm/pnpm#1801).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write(
    'amberkit-emulator is not built (dist/cli.js is missing): run `pnpm build`\n',
  );
  process.exitCode = 1;
}

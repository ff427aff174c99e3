#!/usr/bin/env node
import packageJson from '../package.json' with { type: 'json' };
import { runCli } from './node/cli/run-cli.js';

runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
    // Let stdout/stderr flush, then stop even if a socket lingers. A pipe that is full (a slow
    // log collector) takes the rest later, and process.exit() would drop it: wait for it to
    // drain, for two seconds at most.
    const stop = () => process.exit(code);
    if (process.stdout.writableLength === 0) setImmediate(stop);
    else {
      process.stdout.once('drain', stop);
      setTimeout(stop, 2_000);
    }
  },
  version: packageJson.version,
}).catch((error: unknown) => {
  process.stderr.write(
    `amberkit-proxy: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});

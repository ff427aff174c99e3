import { spawn } from 'node:child_process';
import process from 'node:process';
import { resolveBin } from './bins.js';
import { exitOf, type Part, stopChild } from './child-process.js';

/** Settings of the user's environment that would point the TUI somewhere else. */
const OVERRIDDEN = ['AMBERKIT_BASE_URL', 'AMBERKIT_API_KEY', 'AMBERKIT_PROFILE'];

/**
 * Runs `amberkit` on this terminal (stdio inherited: the TUI owns the screen and the keys),
 * connected through the proxy with the demo key. The key goes by environment, not argv, so it
 * does not show in `ps`.
 */
export function startTui(options: {
  baseUrl: string;
  apiKey: string;
  env: Record<string, string | undefined>;
}): Part {
  const env = { ...options.env };
  for (const name of OVERRIDDEN) delete env[name];
  Object.assign(env, { AMBERKIT_BASE_URL: options.baseUrl, AMBERKIT_API_KEY: options.apiKey });
  const child = spawn(process.execPath, [resolveBin('tui')], { env, stdio: 'inherit' });
  const exited = exitOf(child);
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  return {
    name: 'tui',
    pid: child.pid ?? -1,
    exited,
    waitForLine: () =>
      Promise.reject(new Error('the TUI draws on the terminal; its output is not watched')),
    stop: (graceMs) => stopChild(child, exited, graceMs),
    kill: (signal) => {
      if (!ended) child.kill(signal);
    },
    tail: () => [],
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bannerLines } from './banner.js';
import type { DemoOptions } from './config/options.js';
import { describeExit, type ExitInfo, type Part } from './parts/child-process.js';
import { startTui } from './parts/tui.js';
import { reportStartFailure, startParts } from './start-parts.js';
import type { TerminalState } from './terminal/terminal-state.js';

export type DemoIo = {
  readonly env: Record<string, string | undefined>;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether stdin and stdout are a terminal the TUI can own. */
  readonly interactive: boolean;
  /** Calls `handler` on SIGINT, SIGTERM or SIGHUP. */
  readonly onSignal: (handler: (signal: NodeJS.Signals) => void) => void;
  /** Calls `handler` synchronously when this process exits, however it exits. */
  readonly onExit: (handler: () => void) => void;
  readonly saveTerminal: () => TerminalState;
};

/** How long a part gets to stop after SIGTERM before SIGKILL. */
const GRACE_MS = 5_000;

type Signalled = { kind: 'signal'; signal: NodeJS.Signals };
type Outcome = Signalled | { kind: 'ended'; part: Part; info: ExitInfo };

/** A part that ended this way was stopped on purpose (by us, a person or a supervisor). */
const stoppedCleanly = (info: ExitInfo) =>
  info.code === 0 ||
  info.signal === 'SIGINT' ||
  info.signal === 'SIGTERM' ||
  info.signal === 'SIGHUP';

/**
 * Starts the emulator (unless an upstream is given), the proxy with a fresh demo key and, on a
 * terminal, the TUI; runs until the TUI quits, a signal arrives or a part ends; then stops every
 * part and resolves with the exit code.
 */
export async function runDemo(options: DemoOptions, io: DemoIo): Promise<number> {
  const parts: Part[] = [];
  const track = (part: Part) => {
    parts.push(part);
    return part;
  };
  // Whatever ends this process (an uncaught error included), its parts go with it.
  io.onExit(() => {
    for (const part of parts) part.kill('SIGTERM');
  });
  const signalled = new Promise<Signalled>((resolve) =>
    io.onSignal((signal) => resolve({ kind: 'signal', signal })),
  );
  const stopAll = async () => {
    // The TUI first (it owns the terminal), then the proxy, then what the proxy forwards to.
    for (const part of [...parts].reverse()) await part.stop(GRACE_MS);
  };

  const logDir = await mkdtemp(join(tmpdir(), 'amberkit-demo-'));
  const started = await Promise.race([
    startParts(options, io.env, logDir, track).then((info) => ({ kind: 'ready' as const, info })),
    signalled,
  ]).catch((error: unknown) => ({ kind: 'failed' as const, error }));
  if (started.kind !== 'ready') {
    await stopAll();
    // What a part printed before failing is reported below; the folder holds nothing more.
    await rm(logDir, { recursive: true, force: true });
    if (started.kind === 'failed') {
      reportStartFailure(started.error, io.err);
      return 1;
    }
    io.err(`amberkit-demo: ${started.signal} while starting; stopped`);
    return 0;
  }

  const { info } = started;
  for (const line of bannerLines(info, 'amberkit demo is running')) io.out(line);
  const ended = parts.map((part) =>
    part.exited.then((exit): Outcome => ({ kind: 'ended', part, info: exit })),
  );
  let terminal: TerminalState | undefined;
  if (io.interactive && !options.noTui) {
    io.out('  The TUI opens now: q quits it and stops everything.');
    terminal = io.saveTerminal();
    const tui = track(startTui({ baseUrl: info.proxy.url, apiKey: info.key, env: io.env }));
    ended.push(tui.exited.then((exit): Outcome => ({ kind: 'ended', part: tui, info: exit })));
  } else {
    io.out('  Running until a signal (Ctrl-C, SIGTERM): try the curl line above.');
  }

  const outcome = await Promise.race([...ended, signalled]);
  await stopAll();
  const tui = parts.find((part) => part.name === 'tui');
  if (terminal && tui) {
    const exit = await tui.exited;
    if (exit.code !== 0) terminal.restore();
  }
  const code = exitCodeOf(outcome);
  // A clean run leaves nothing behind; after a failure the logs stay for a look.
  if (code === 0) await rm(logDir, { recursive: true, force: true });
  const summary = parts.map((part) => `${part.name} pid ${part.pid}`).join(', ');
  const reason =
    outcome.kind === 'signal'
      ? outcome.signal
      : `${outcome.part.name} ${describeExit(outcome.info)}`;
  const heading = `amberkit demo stopped (${reason}); stopped ${summary}`;
  for (const line of bannerLines(code === 0 ? { ...info, logDir: undefined } : info, heading))
    io.out(line);
  if (code !== 0 && outcome.kind === 'ended') {
    io.err(
      `amberkit-demo: ${outcome.part.name} ended unexpectedly (${describeExit(outcome.info)})`,
    );
    for (const line of outcome.part.tail()) io.err(`  ${outcome.part.name}: ${line}`);
  }
  return code;
}

/** 0 for a signal or a part stopped on purpose (the TUI's own code when it quit), else 1. */
function exitCodeOf(outcome: Outcome): number {
  if (outcome.kind === 'signal') return 0;
  if (!stoppedCleanly(outcome.info)) return 1;
  return outcome.part.name === 'tui' ? (outcome.info.code ?? 0) : 0;
}

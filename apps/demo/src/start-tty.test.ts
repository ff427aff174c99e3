import { rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { expectAllEnded, parseBanner } from './test-support/demo-process.js';
import { childPids, startDemoInTmux } from './test-support/tmux.js';

/** Pids named by the "stopped" banner printed on exit. */
function stoppedPids(screen: string): number[] {
  const line = screen.match(/^amberkit demo stopped .*; stopped (.*)$/m);
  if (!line) throw new Error(`no stop banner in:\n${screen}`);
  return [...line[1]!.matchAll(/pid (\d+)/g)].map((m) => Number(m[1]));
}

describe('pnpm start on a terminal', () => {
  test('prints the URLs and key, opens the TUI through the proxy; q stops everything', async () => {
    using term = startDemoInTmux();
    await term.waitForScreen(/Acme Corp/);
    // The TUI talks to the proxy, which says its upstream is the emulator.
    await term.waitForScreen(/EMULATOR · proxy → emulator/);
    term.sendKeys('q');
    await term.waitForScreen(/DEMO-EXIT=\d+/);
    const screen = term.screen();
    expect(screen).toContain('DEMO-EXIT=0');
    // Printed before the TUI took the screen and again on exit.
    expect(
      screen.match(
        /^ {2}try +curl -H 'Authorization: Bearer ak_\S+' http:\/\/127\.0\.0\.1:\d+\/customers$/gm,
      ),
    ).toHaveLength(2);
    expect(screen).toMatch(/amberkit demo stopped \(tui exit 0\)/);
    const pids = stoppedPids(screen);
    expect(pids).toHaveLength(3);
    await expectAllEnded(pids);
    const [before, after] = term.sttyBeforeAfter();
    expect(after).toBe(before);
  });

  test('Ctrl-C in the TUI stops everything', async () => {
    using term = startDemoInTmux();
    await term.waitForScreen(/Acme Corp/);
    term.sendKeys('C-c');
    await term.waitForScreen(/DEMO-EXIT=\d+/);
    expect(term.screen()).toContain('DEMO-EXIT=0');
    await expectAllEnded(stoppedPids(term.screen()));
  });

  test('a TUI killed mid-run: the rest stop, the terminal is restored, exit 1', async () => {
    using term = startDemoInTmux();
    await term.waitForScreen(/Acme Corp/);
    const demo = term.demoPid();
    const banner = parseBanner(term.normalScreen());
    const servers = [banner.emulator!.pid, banner.proxy.pid];
    const tui = childPids(demo).find((pid) => !servers.includes(pid));
    expect(tui).toBeDefined();
    process.kill(tui!, 'SIGKILL');
    await term.waitForScreen(/DEMO-EXIT=\d+/);
    const screen = term.screen();
    expect(screen).toContain('DEMO-EXIT=1');
    expect(screen).toContain('tui ended unexpectedly (signal SIGKILL)');
    await expectAllEnded([demo, tui!, ...servers]);
    // Raw mode (no echo) left by the killed TUI is undone.
    const [before, after] = term.sttyBeforeAfter();
    expect(after).toBe(before);
    rmSync(parseBanner(term.screen()).logs!, { recursive: true, force: true });
  });

  test('the proxy crashing under the TUI: the TUI and emulator stop, the screen and terminal come back, exit 1', async () => {
    using term = startDemoInTmux();
    await term.waitForScreen(/Acme Corp/);
    const demo = term.demoPid();
    const banner = parseBanner(term.normalScreen());
    const children = childPids(demo);
    process.kill(banner.proxy.pid, 'SIGKILL');
    await term.waitForScreen(/DEMO-EXIT=\d+/);
    const screen = term.screen();
    expect(screen).toContain('DEMO-EXIT=1');
    expect(screen).toContain('proxy ended unexpectedly (signal SIGKILL)');
    // Off the TUI's alternate screen: the stop banner is on the normal screen.
    expect(screen).toMatch(/amberkit demo stopped \(proxy signal SIGKILL\)/);
    await expectAllEnded([demo, ...children]);
    const [before, after] = term.sttyBeforeAfter();
    expect(after).toBe(before);
    rmSync(parseBanner(term.screen()).logs!, { recursive: true, force: true });
  });
});

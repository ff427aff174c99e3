import type { AmberfloClient } from '@amberkit/core/client';
import { Box, useApp, useStdout } from 'ink';
import { useMemo, useState } from 'react';
import type { Connection } from '../config/index.js';
import {
  type AppActions,
  AppActionsContext,
  type KeyHelp,
  MIN_BODY_LINES,
  RevisionContext,
  StylesContext,
} from './app-context.js';
import { Breadcrumbs } from './components/breadcrumbs.js';
import { CommandLine } from './components/command-line.js';
import { ViewErrorBoundary } from './components/error-boundary.js';
import { Footer } from './components/footer.js';
import { Header } from './components/header.js';
import { HelpOverlay } from './components/help-overlay.js';
import { StatusLine } from './components/status-line.js';
import { useEndpointKind } from './hooks/use-endpoint-kind.js';
import { useFlash } from './hooks/use-flash.js';
import { useGlobalKeys } from './hooks/use-global-keys.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { useViewStack, type View, viewTitle } from './hooks/use-view-stack.js';
import { parseCommand } from './model/command.js';
import { renderView } from './views/render-view.js';

export type AppProps = {
  readonly client: AmberfloClient;
  readonly connection: Connection;
  /** The stack to start with (default: the customers list). */
  readonly initialView?: View | readonly View[];
  /** Used to ask the endpoint whether it is an emulator; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /**
   * Whether Ink draws styles on this terminal (runTui asks chalk, which Ink draws with);
   * without them a text field's cursor and placeholder are drawn as characters. Default true.
   */
  readonly styled?: boolean;
};

const FLASH_MS = 5000;

/**
 * Header, breadcrumbs, status and footer take one line each. In a short terminal the breadcrumbs
 * go first, then the status line (unless it holds the command line), then the footer, until
 * the view has the `need` lines it asked for; the header, with the LIVE badge, goes last.
 */
function chromeLines(lines: number, commandOpen: boolean, need: number) {
  const shown = { header: true, breadcrumbs: true, status: true, footer: true };
  const order = (['breadcrumbs', 'status', 'footer', 'header'] as const).filter(
    (part) => !(part === 'status' && commandOpen),
  );
  let body = lines - 4;
  for (const part of order) {
    if (body >= need) break;
    shown[part] = false;
    body += 1;
  }
  return { ...shown, body: Math.max(0, body) };
}

/**
 * The root component. Every view of the stack stays mounted (hidden under the top one) so
 * going back finds the list where it was; only the top view is active and drawn. The whole
 * frame is rows − 1 lines: as tall as the terminal, Ink would clear and redraw on every render.
 */
export function App({
  client,
  connection,
  initialView,
  fetch: fetcher = globalThis.fetch,
  styled = true,
}: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const { columns, rows } = useTerminalSize();
  const initial =
    initialView === undefined
      ? [{ kind: 'customers' } as const]
      : Array.isArray(initialView)
        ? initialView
        : [initialView as View];
  const stack = useViewStack(initial);
  const [revision, setRevision] = useState(0);
  const [flash, showFlash, clearFlash] = useFlash(FLASH_MS);
  const [capture, setCapture] = useState(false);
  const [overlay, setOverlay] = useGlobalKeys(capture);
  const [keyHelp, setKeyHelp] = useState<readonly KeyHelp[]>([]);
  const [bodyNeed, setBodyNeed] = useState(MIN_BODY_LINES);
  const endpoint = useEndpointKind(connection.baseUrl, fetcher);

  const { push, pop, reset } = stack;
  const actions = useMemo<AppActions>(
    () => ({
      client,
      connection,
      // A message belongs to the view it was said on (or, after a save, the one it returns
      // to): a view opened on top starts without one.
      push: (view) => {
        clearFlash();
        push(view);
      },
      pop,
      reset,
      flash: showFlash,
      invalidate: () => setRevision((n) => n + 1),
      setCapture,
      setKeyHelp,
      setBodyNeed,
      // Straight to the terminal: an OSC sequence moves no cursor, so Ink's frame is intact.
      writeRaw: (data) => void stdout.write(data),
    }),
    [client, connection, push, pop, reset, stdout, showFlash, clearFlash],
  );

  const runCommand = (text: string) => {
    setOverlay(null);
    const command = parseCommand(text);
    if (command.kind === 'quit') exit();
    else if (command.kind === 'customers') reset([{ kind: 'customers' }]);
    else if (command.kind === 'customer')
      reset([{ kind: 'customers' }, { kind: 'customer', id: command.id }]);
    else actions.flash(command.message, 'warning');
  };

  const frameHeight = Math.max(1, rows - 1);
  const chrome = chromeLines(frameHeight, overlay === 'command', bodyNeed);
  const bodyHeight = chrome.body;
  const top = stack.entries.length - 1;
  const titles = useMemo(
    () => stack.entries.map((entry) => viewTitle(entry.view)),
    [stack.entries],
  );
  return (
    <AppActionsContext.Provider value={actions}>
      <StylesContext.Provider value={styled}>
        <RevisionContext.Provider value={revision}>
          <Box flexDirection="column" width={columns} height={frameHeight} overflowY="hidden">
            {chrome.header ? <Header connection={connection} endpoint={endpoint} /> : null}
            {chrome.breadcrumbs ? <Breadcrumbs titles={titles} /> : null}
            <Box flexDirection="column" height={bodyHeight} flexShrink={0} overflowY="hidden">
              {overlay === 'help' ? (
                <HelpOverlay keys={keyHelp} height={bodyHeight} readOnly={connection.readOnly} />
              ) : null}
              {stack.entries.map((entry, index) => (
                <Box
                  key={entry.key}
                  display={index === top && overlay !== 'help' ? 'flex' : 'none'}
                  flexDirection="column"
                >
                  <ViewErrorBoundary
                    resetKey={entry.key}
                    active={index === top && overlay === null}
                  >
                    {renderView(entry.view, {
                      active: index === top && overlay === null,
                      height: bodyHeight,
                      width: columns,
                    })}
                  </ViewErrorBoundary>
                </Box>
              ))}
            </Box>
            {overlay === 'command' ? (
              <CommandLine onSubmit={runCommand} onCancel={() => setOverlay(null)} />
            ) : chrome.status ? (
              <StatusLine text={flash?.text ?? ''} tone={flash?.tone ?? 'info'} />
            ) : null}
            {chrome.footer ? (
              <Footer keys={keyHelp} readOnly={connection.readOnly} capture={capture} />
            ) : null}
          </Box>
        </RevisionContext.Provider>
      </StylesContext.Provider>
    </AppActionsContext.Provider>
  );
}

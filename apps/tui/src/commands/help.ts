import { DEFAULT_TIMEOUT_MS } from '@amberkit/core/client';
import type { Command } from './command.js';
import { COMMANDS, groupCommands } from './registry.js';

export const CONNECTION_HELP = [
  'Connection (flags > env > profile):',
  '  --base-url URL         API endpoint (env AMBERKIT_BASE_URL)',
  '  --api-key KEY          API key (env AMBERKIT_API_KEY)',
  '  --profile NAME         saved profile (env AMBERKIT_PROFILE; default: the default profile)',
  '  --read-only            refuse every write (env AMBERKIT_READ_ONLY=1, or the profile)',
  '  --timeout TIME         give up on a request after TIME: seconds (30, 2.5) or 500ms, 10s, 2m, 1h',
  `                         (env AMBERKIT_TIMEOUT; default ${DEFAULT_TIMEOUT_MS / 1000} s, retries included)`,
] as const;

/** `amberkit --help`. */
export function globalHelp(version: string): string[] {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `amberkit ${version}: a terminal UI and scriptable commands for the Amberflo Billing API.`,
    '',
    'Usage:',
    '  amberkit [connection flags]          open the terminal UI (needs a terminal)',
    '  amberkit <command> [flags]           run one command (pipes, scripts, CI)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    ...CONNECTION_HELP,
    '',
    'Other:',
    '  -h, --help             help (also per group or command: amberkit customers --help)',
    '  --version              print the version',
    '',
    'Exit codes: 0 ok, 1 the API failed, 2 usage or configuration error.',
    'Config: $XDG_CONFIG_HOME/amberkit/config.json (else ~/.config/amberkit/config.json).',
  ];
}

/** `amberkit <command> --help`. */
export function commandHelp(command: Command): string[] {
  return [
    `Usage: amberkit ${command.name} ${command.usage}`.trimEnd(),
    '',
    `${command.summary}.`,
    '',
    'Options:',
    ...command.optionHelp,
    '  -h, --help             show this help',
    ...(command.connects ? ['', ...CONNECTION_HELP] : []),
  ];
}

/** `amberkit <group> --help`: the group's commands, one line each. */
export function groupHelp(group: string): string[] {
  const commands = groupCommands(group);
  const actions = commands.map((c) => ({
    action: c.name.slice(group.length + 1),
    summary: c.summary,
  }));
  const width = Math.max(...actions.map((a) => a.action.length));
  return [
    `Usage: amberkit ${group} <command> [flags]`,
    '',
    'Commands:',
    ...actions.map((a) => `  ${a.action.padEnd(width)}  ${a.summary}`),
    '',
    `Run \`amberkit ${group} <command> --help\` for its flags.`,
  ];
}

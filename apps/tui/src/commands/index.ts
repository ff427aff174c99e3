export { type OptionSpec, type ParsedArgs, parseCommandArgs } from './args.js';
export type { Command, CommandContext, ConnectedContext } from './command.js';
export { UsageError } from './errors.js';
export { describeError, EXIT, exitCodeFor, redact } from './exit-code.js';
export { NOT_A_TERMINAL, type StartInteractive } from './interactive.js';
export type { CliIO } from './io.js';
export { main } from './main.js';
export { COMMANDS, findCommand } from './registry.js';
export { splitArgv } from './split-argv.js';

/**
 * OSC 52 asks the terminal (and tmux, ssh…) to put text on the system clipboard, which works
 * over remote sessions where no clipboard command exists.
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

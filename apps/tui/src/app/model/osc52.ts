/**
 * OSC 52 asks the terminal (and tmux, ssh…) to put text on the system clipboard, which works
 * over remote sessions where no clipboard command exists.
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * What the status line says after `y`. OSC 52 gets no answer, and many terminals ignore it
 * (tmux does under its default `set-clipboard external`), so it says what was sent, not that
 * it was copied, and how to get the id if nothing arrived.
 */
export function copiedMessage(id: string): string {
  return `Sent ${id} to the clipboard via OSC 52; if nothing arrived, select it on screen`;
}

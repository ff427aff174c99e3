/** What a newcomer needs to talk to the running demo. */
export type DemoInfo = {
  readonly emulator?: { readonly url: string; readonly apiKey: string; readonly pid: number };
  /** The upstream when it is not the demo's own emulator. */
  readonly upstream?: { readonly url: string };
  readonly proxy: { readonly url: string; readonly pid: number; readonly upstreamKind: string };
  readonly key: string;
  /** Where the emulator's and proxy's output goes (left out once it is removed). */
  readonly logDir: string | undefined;
};

/** The ready-made command that lists customers through the proxy with the demo key. */
function curlLine(info: Pick<DemoInfo, 'proxy' | 'key'>): string {
  return `curl -H 'Authorization: Bearer ${info.key}' ${info.proxy.url}/customers`;
}

/**
 * The lines printed before the TUI takes the screen and again on exit. The layout is stable
 * (`label  value`) so scripts and tests can read it.
 */
export function bannerLines(info: DemoInfo, heading: string): string[] {
  const lines = [heading];
  if (info.emulator) {
    lines.push(
      `  emulator   ${info.emulator.url}   X-API-KEY: ${info.emulator.apiKey}   (pid ${info.emulator.pid})`,
    );
  }
  if (info.upstream) lines.push(`  upstream   ${info.upstream.url}`);
  lines.push(
    `  proxy      ${info.proxy.url}   upstream kind: ${info.proxy.upstreamKind}   (pid ${info.proxy.pid})`,
  );
  lines.push(`  demo key   ${info.key}   (every scope; valid for this run only)`);
  lines.push(`  try        ${curlLine(info)}`);
  if (info.logDir) lines.push(`  logs       ${info.logDir}`);
  return lines;
}

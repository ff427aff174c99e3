// The bundler inlines this at build time, so the bin never reads package.json at run time.
import packageJson from '../../package.json' with { type: 'json' };

/** The `@amberkit/tui` version, printed by `amberkit --version` and sent in User-Agent. */
export const VERSION: string = packageJson.version;

/**
 * The package version, sent in `User-Agent`. A constant rather than a JSON import because
 * import attributes (`with { type: 'json' }`) still break on some edge runtimes and bundlers;
 * `version.test.ts` fails whenever this drifts from package.json.
 */
export const VERSION = '0.0.0';

/** `User-Agent` value for every request: `@amberkit/core/<version>`. */
export const USER_AGENT = `@amberkit/core/${VERSION}`;

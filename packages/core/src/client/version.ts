/*
 * The version comes from package.json itself, so `changeset version` (which rewrites only
 * package.json) can never leave the User-Agent behind. tsdown inlines the value at build
 * time, so dist/ holds a plain string and no JSON import (which some edge runtimes and
 * bundlers still reject); source consumers (vitest, tsx) read the file directly.
 */
import pkg from '../../package.json' with { type: 'json' };

/** The installed version of `@amberkit/core`, as in its package.json. */
export const VERSION: string = pkg.version;

/** `User-Agent` value for every request: `@amberkit/core/<version>`. */
export const USER_AGENT: string = `@amberkit/core/${VERSION}`;

import { z } from 'zod';

/** An http(s) URL, as the base of the API amberkit talks to. */
export const BaseUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  // Core's client refuses both at construction; checked here so config names the setting.
  .refine(
    (url) => !URL.canParse(url) || (new URL(url).username === '' && new URL(url).password === ''),
    'must not hold user:password@ (the key goes in --api-key or AMBERKIT_API_KEY)',
  )
  // `search`/`hash` are '' for a bare '?' or '#', so the whole string decides.
  .refine(
    (url) => !URL.canParse(url) || !/[?#]/.test(new URL(url).href),
    'must not hold a ?query or #fragment (every API path is appended to it)',
  )
  .transform((url) => url.replace(/\/+$/, ''));

/** A URL as it may be shown: any `user:password@` password replaced with `***`. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1:***@');
}

/** Profile names double as command-line words: keep them plain. */
export const ProfileName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'use letters, digits, ".", "_" or "-" (max 64)');

/** One saved connection. */
export const Profile = z.looseObject({
  baseUrl: BaseUrl,
  apiKey: z.string().min(1),
  readOnly: z.boolean().optional(),
});
export type Profile = z.infer<typeof Profile>;

/** The config file (`config.json`). Unknown fields are kept so newer versions can add some. */
export const ConfigFile = z.looseObject({
  defaultProfile: ProfileName.optional(),
  profiles: z.record(ProfileName, Profile).default({}),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

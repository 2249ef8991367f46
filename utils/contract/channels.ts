/**
 * The channel an engagement type implies when an engagement names none. Zod-free, so a
 * page may import it without the schemas.
 */
const CHANNEL_OF_PREFIX: Record<string, string> = {
  email: 'email',
  web: 'web',
  form: 'web',
  asset: 'web',
  video: 'web',
  event: 'event',
  ad: 'ads',
  social: 'social',
};

/** From the type's prefix: `email.opened` → `email`; unknown prefixes (`custom.…`) → `other`. */
export function channelOfType(type: string): string {
  return CHANNEL_OF_PREFIX[type.split('.')[0] ?? ''] ?? 'other';
}

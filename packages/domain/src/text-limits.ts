/**
 * The longest text Envol takes from outside, per kind of field: the request schemas refuse a
 * longer one with a 422 naming the field (a 200 000-character host name was accepted, stored
 * and shown), and the web app's inputs stop there.
 */
export const TEXT_LIMITS = {
  /** A scheme's, a partner's or a checklist item's id (kebab-case, under 40 characters). */
  id: 64,
  /** A person's, a school's or a city's name, a key's label. */
  name: 200,
  /** An e-mail address (RFC 5321: 254 characters in a path). */
  email: 254,
  /** A file name (most file systems' limit). */
  fileName: 255,
  /** A reason or a comment. */
  text: 2000,
} as const;

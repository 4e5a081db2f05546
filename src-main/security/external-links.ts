/** URL schemes Lemma hands to the operating system; anything else could run a program. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/**
 * Parses a link a post asked to open outside the app. Only `http:`, `https:` and
 * `mailto:` URLs pass; `file:`, `javascript:`, custom app schemes and garbage are
 * refused with a reason, because a post is untrusted content.
 */
export function checkExternalUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, message: `"${raw.slice(0, 80)}" is not a valid link.` }
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    return { ok: false, message: `Links of type "${url.protocol}" are not opened outside Lemma.` }
  }
  return { ok: true, url: url.toString() }
}

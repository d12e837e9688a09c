/** Drops the query string and fragment: they can hold session tokens, and an export is shared. */
export function stripUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'mailto:') return u.protocol + u.pathname;
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return url.split(/[?#]/)[0] ?? '';
  }
}

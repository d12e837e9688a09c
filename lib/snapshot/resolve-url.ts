// Addresses resolved against a base during one gather. A page names the same pages and images many times (a card's
// picture, a menu repeated in the footer, an icon per line) and each `new URL` costs microseconds: each address is
// parsed once per base. A resolver lives for one gather; an address that does not parse gives ''.

export type UrlResolver = (value: string, base: string) => string;

export function urlResolver(): UrlResolver {
  const byBase = new Map<string, Map<string, string>>();
  return (value, base) => {
    if (!value) return '';
    let known = byBase.get(base);
    if (!known) byBase.set(base, (known = new Map()));
    let href = known.get(value);
    if (href === undefined) {
      try {
        href = new URL(value, base).href;
      } catch {
        href = '';
      }
      known.set(value, href);
    }
    return href;
  };
}

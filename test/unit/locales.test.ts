import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../public/_locales');
const load = (l: string) => JSON.parse(readFileSync(`${root}/${l}/messages.json`, 'utf8')) as Record<string, { message: string }>;

describe('locales', () => {
  const fr = load('fr');
  const en = load('en');
  it('fr and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
  it('keys follow the browser i18n rule and messages are not empty', () => {
    for (const [k, v] of Object.entries(fr)) {
      expect(k).toMatch(/^[A-Za-z0-9_]+$/);
      expect(v.message.trim(), k).not.toBe('');
      expect(en[k]!.message.trim(), k).not.toBe('');
    }
  });
  it('uses the same substitutions in both languages', () => {
    for (const k of Object.keys(fr)) {
      const subs = (m: string) => (m.match(/\$[1-9]/g) ?? []).sort().join();
      expect(subs(en[k]!.message), k).toBe(subs(fr[k]!.message));
    }
  });
  it('has only fr and en', () => {
    expect(readdirSync(root).sort()).toEqual(['en', 'fr']);
  });
});

// Which language a page's running text is written in, among those a French school meets most, from the share of
// each language's most frequent short words. This only has to tell French from English, German, Spanish… on a few
// hundred words, where function words are decisive; a page it cannot settle is left alone (no finding).
// Words shared by several of these languages ("de", "la", "en", "a") are left out of the lists.

const WORDS: Record<string, string[]> = {
  fr: ['le', 'les', 'des', 'du', 'et', 'est', 'une', 'pour', 'dans', 'qui', 'que', 'sur', 'pas', 'au', 'aux', 'avec', 'ce', 'cette', 'sont', 'nous', 'vous', 'il', 'elle', 'ou', 'mais', 'plus', 'leur', 'être', 'été', 'fait', 'ses', 'sa', 'son'],
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'for', 'it', 'with', 'as', 'was', 'on', 'are', 'be', 'this', 'by', 'have', 'from', 'or', 'an', 'they', 'which', 'you', 'not', 'were', 'their', 'has', 'will', 'can', 'your', 'more', 'about'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'sich', 'auf', 'ein', 'eine', 'auch', 'dem', 'zu', 'im', 'für', 'von', 'sie', 'es', 'wird', 'werden', 'oder', 'aber', 'bei', 'nach', 'wie', 'noch', 'sind', 'ich', 'wir'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'por', 'con', 'para', 'una', 'es', 'se', 'lo', 'como', 'más', 'pero', 'sus', 'le', 'ya', 'o', 'este', 'sí', 'porque', 'esta', 'entre', 'cuando', 'muy', 'sin', 'sobre', 'también', 'hay'],
  it: ['il', 'di', 'che', 'e', 'della', 'per', 'sono', 'non', 'con', 'gli', 'una', 'nel', 'alla', 'del', 'dei', 'delle', 'anche', 'più', 'ma', 'come', 'questo', 'essere', 'ha', 'hanno', 'sul', 'nella', 'degli', 'tra', 'suo', 'sua'],
  pt: ['os', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'mais', 'dos', 'das', 'como', 'mas', 'ao', 'pelo', 'pela', 'são', 'foi', 'seu', 'sua', 'também', 'quando', 'muito', 'já', 'está', 'isso', 'ele', 'nos', 'você'],
  nl: ['het', 'een', 'van', 'en', 'is', 'dat', 'niet', 'zijn', 'op', 'te', 'met', 'voor', 'aan', 'er', 'maar', 'om', 'ook', 'als', 'bij', 'nog', 'wordt', 'uit', 'naar', 'dan', 'ze', 'wel', 'geen', 'kan', 'deze', 'worden'],
};

// A word in several lists says nothing about which: keep each word only where it is alone.
const OWNER = new Map<string, string>();
{
  const seen = new Map<string, number>();
  for (const list of Object.values(WORDS)) for (const w of new Set(list)) seen.set(w, (seen.get(w) ?? 0) + 1);
  for (const [lang, list] of Object.entries(WORDS)) for (const w of list) if (seen.get(w) === 1) OWNER.set(w, lang);
}

export const KNOWN_LANGUAGES = Object.keys(WORDS);

export interface LanguageGuess {
  /** Best language, or null when the text is too short or mixed to tell. */
  lang: string | null;
  words: number;
  /** Function words found per language. */
  hits: Record<string, number>;
  /** A few of the words that decided. */
  examples: string[];
}

const MIN_WORDS = 40;
const MIN_HITS = 8;

export function guessLanguage(text: string): LanguageGuess {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits: Record<string, number> = Object.fromEntries(KNOWN_LANGUAGES.map((l) => [l, 0]));
  const found: Record<string, Set<string>> = Object.fromEntries(KNOWN_LANGUAGES.map((l) => [l, new Set<string>()]));
  for (const w of words) {
    const lang = OWNER.get(w);
    if (!lang) continue;
    hits[lang]!++;
    found[lang]!.add(w);
  }
  const ranked = KNOWN_LANGUAGES.slice().sort((a, b) => hits[b]! - hits[a]!);
  const [best, second] = [ranked[0]!, ranked[1]!];
  // Decisive only with enough text and a clear lead: three times the runner-up.
  const clear = words.length >= MIN_WORDS && hits[best]! >= MIN_HITS && hits[best]! >= 3 * hits[second]!;
  return { lang: clear ? best : null, words: words.length, hits, examples: clear ? [...found[best]!].slice(0, 8) : [] };
}

import { z } from 'zod';
import { guessLanguage, KNOWN_LANGUAGES } from '../a11y/text-language';
import { a11yFacts } from '../a11y/users';
import { defineDetector } from './types';
import { count, list, quotes, text, texts } from '../model/message';

// RGAA 8.4 (WCAG 3.1.1): a valid lang that names the wrong language makes a screen reader read French text with an
// English voice, which pupils cannot follow. Text marked with its own lang is set aside by the gather. A guess from
// words is evidence, not proof (a page of quotations, a language lesson): "à vérifier", with the words found.

/** Each language by its own name, so the message reads the same in the French and the English panel. */
const NAMES: Record<string, string> = { fr: 'français', en: 'English', de: 'Deutsch', es: 'español', it: 'italiano', pt: 'português', nl: 'Nederlands' };

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yLangTextData = z.strictObject({
  ...a11yFacts,
  declared: z.string(),
  detected: z.string(),
  words: z.number(),
  hits: z.record(z.string(), z.number()),
  examples: z.array(z.string()),
});

export const a11yLangText = defineDetector({
  id: 'a11y-lang-text',
  category: 'accessibility',
  data: a11yLangTextData,
  requires: ['lang', 'a11y'],
  run(snapshot) {
    const declared = snapshot.lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (!KNOWN_LANGUAGES.includes(declared)) return [];
    const guess = guessLanguage(snapshot.a11y.text.sample);
    if (!guess.lang || guess.lang === declared) return [];
    return [
      {
        key: 'contradicted',
        severity: 'review',
        messageKey: 'a11yLangText_contradicted',
        params: [text(snapshot.lang), { language: guess.lang }, texts(guess.examples.slice(0, 5))],
        evidence: [{ selector: 'html', snippet: `<html lang="${snapshot.lang}">`, text: `${guess.lang}: ${guess.hits[guess.lang]} / ${declared}: ${guess.hits[declared]} (${guess.words})` }],
        data: { wcag: ['3.1.1'], rgaa: ['8.4'], users: ['blind'], declared, detected: guess.lang, words: guess.words, hits: guess.hits, examples: guess.examples },
      },
    ];
  },
});

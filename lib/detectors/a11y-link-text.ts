import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import { type DetectorOutput } from '../model/finding';
import { count, quotes } from '../model/message';

// RGAA 6.1 (WCAG 2.4.4): a link's text, with its context, must say where it leads. "Lire la suite" or a bare
// address says nothing to a screen-reader user who lists the page's links; several links with the same text and
// different targets cannot be told apart there. Whether the surrounding text makes them clear is for a person to
// judge, so both are "à vérifier", each link shown with its context.

/** Link texts that say nothing on their own, French and English, compared once lower-cased and trimmed of punctuation. */
const VAGUE = new Set([
  'ici', 'cliquez ici', 'cliquer ici', 'clique ici', 'en cliquant ici', 'là', 'lien', 'ce lien', 'voir', 'voir plus', 'voir ici', 'plus',
  'en savoir plus', 'savoir plus', 'pour en savoir plus', 'lire la suite', 'la suite', 'suite', 'lire plus', 'plus d’infos', "plus d'infos",
  'plus d’informations', "plus d'informations", 'plus d’info', "plus d'info", 'détails', 'voir le détail', 'découvrir', 'accéder', 'continuer',
  'click here', 'here', 'click', 'read more', 'more', 'learn more', 'more info', 'more information', 'details', 'link', 'this link', 'see more',
  'continue reading', 'go', 'next', 'this page',
]);

export function normaliseLinkText(s: string): string {
  const lower = s.toLowerCase();
  // Most link texts have nothing below to change: no straight apostrophe, single spaces, no punctuation at either end.
  if (ALREADY_NORMAL.test(lower)) return lower;
  return lower
    .replace(/[\u2019']/g, '’')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:!?…»«>›→+\-()[\]]+|[\s.,;:!?…»«>›→+\-()[\]]+$/g, '')
    .trim();
}

const ALREADY_NORMAL = /^(?![\s.,;:!?…»«>›→+\-()[\]])(?:[^\s']| (?=\S))*(?<![\s.,;:!?…»«>›→+\-()[\]])$/;

export function isVagueLinkText(name: string): boolean {
  return isVagueNormalised(normaliseLinkText(name));
}

/** isVagueLinkText on a text already through normaliseLinkText. */
function isVagueNormalised(n: string): boolean {
  if (VAGUE.has(n) || (n.includes('’') && VAGUE.has(n.replace(/’/g, "'")))) return true;
  // A bare address as the whole text: read out character by character.
  return /^(https?:\/\/|www\.)\S+$/i.test(n);
}

type FactLink = PageSnapshot['a11y']['links'][number];
const target = (l: FactLink) => l.href.replace(/#.*$/, '').replace(/\/$/, '');
/** Links that lead somewhere: "#" and javascript: are another rule's (a11y-fake-link). */
const leads = (l: FactLink) => l.hasHref && l.href !== '' && !/^\s*(#|javascript:)/i.test(l.hrefAttr) && !/^(button|tab|menuitem|option)$/.test(l.role);

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yLinkTextData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yLinkText = defineDetector({
  id: 'a11y-link-text',
  category: 'accessibility',
  data: a11yLinkTextData,
  requires: ['a11y'],
  run(snapshot) {
    const links = snapshot.a11y.links.filter(leads);
    const out: DetectorOutput[] = [];
    // Each link's name normalised once, for both lists below.
    const names = links.map((l) => normaliseLinkText(l.name));
    const vagueName = names.map(isVagueNormalised);
    // A title that adds to the text completes the link's name (RGAA's "intitulé de lien").
    const vague = links.filter((l, i) => vagueName[i] && (l.title === '' || isVagueLinkText(l.title)));
    if (vague.length > 0) {
      out.push({
        key: 'vague',
        severity: 'review',
        messageKey: 'a11yLinkText_vague',
        params: [count(vague.length), quotes(vague.map((l) => l.name))],
        evidence: vague.map((l) => elementEvidence(l.ref, l.context ? `« ${l.name} » — ${l.context}` : `« ${l.name} »`, l.href)),
        data: { wcag: ['2.4.4'], rgaa: ['6.1'], users: ['blind', 'cognitive'], count: vague.length },
      });
    }
    const byName = new Map<string, FactLink[]>();
    links.forEach((l, i) => {
      const n = names[i]!;
      if (n === '' || vagueName[i]) return;
      const group = byName.get(n);
      if (group) group.push(l);
      else byName.set(n, [l]);
    });
    const groups = [...byName.values()].filter((g) => g.length > 1 && new Set(g.map(target)).size > 1);
    if (groups.length > 0) {
      out.push({
        key: 'same-text',
        severity: 'review',
        messageKey: 'a11yLinkText_sameText',
        params: [count(groups.length), quotes(groups.map((g) => g[0]!.name))],
        evidence: groups.flat().map((l) => elementEvidence(l.ref, `« ${l.name} » → ${l.href}`, l.href)),
        data: { wcag: ['2.4.4'], rgaa: ['6.1'], users: ['blind'], count: groups.length },
      });
    }
    return out;
  },
});

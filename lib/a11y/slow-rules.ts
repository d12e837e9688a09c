/**
 * axe rules that can take long on some pages (contrast on a huge text; link-in-text-block hung on one real page):
 * run in a second pass, so that past the bound the first pass's results stand and these are named as not checked.
 * Its own file: the panel needs the list without bundling axe.
 */
export const SLOW_RULES = ['color-contrast', 'color-contrast-enhanced', 'link-in-text-block'] as const;

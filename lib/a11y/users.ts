import { z } from 'zod';
// Who is hindered by a fault, for a teacher who thinks of pupils, not of success criteria.
// By axe rule where the rule says more than its criterion, else by WCAG success criterion, else by guideline.

export const USER_GROUPS = ['blind', 'lowVision', 'deaf', 'motor', 'cognitive'] as const;
export type UserGroup = (typeof USER_GROUPS)[number];
export const userGroupSchema = z.enum(USER_GROUPS);

/** The accessibility facts of a finding: WCAG success criteria, RGAA criteria, the pupils hindered. */
export const a11yFacts = {
  wcag: z.array(z.string()),
  rgaa: z.array(z.string()),
  users: z.array(userGroupSchema),
};

const BY_RULE: Record<string, UserGroup[]> = {
  'color-contrast': ['lowVision'],
  'color-contrast-enhanced': ['lowVision'],
  'link-in-text-block': ['lowVision'],
  'meta-viewport': ['lowVision'],
  'meta-viewport-large': ['lowVision'],
  'avoid-inline-spacing': ['lowVision', 'cognitive'],
  'css-orientation-lock': ['motor', 'lowVision'],
  'video-caption': ['deaf'],
  'audio-caption': ['deaf'],
  'no-autoplay-audio': ['blind', 'cognitive'],
  'meta-refresh': ['blind', 'cognitive', 'motor'],
  'meta-refresh-no-exceptions': ['blind', 'cognitive', 'motor'],
  'blink': ['cognitive', 'lowVision'],
  'marquee': ['cognitive', 'lowVision'],
  'scrollable-region-focusable': ['motor', 'blind'],
  'frame-focusable-content': ['motor', 'blind'],
  'nested-interactive': ['blind', 'motor'],
  'aria-hidden-focus': ['blind', 'motor'],
  'tabindex': ['motor', 'blind'],
  'target-size': ['motor'],
  'autocomplete-valid': ['cognitive', 'motor'],
  'html-has-lang': ['blind', 'cognitive'],
  'html-lang-valid': ['blind', 'cognitive'],
  'valid-lang': ['blind'],
  'document-title': ['blind', 'cognitive'],
  'page-has-heading-one': ['blind'],
  'bypass': ['blind', 'motor'],
};

const BY_CRITERION: Record<string, UserGroup[]> = {
  '1.1.1': ['blind'],
  '1.2.1': ['deaf', 'blind'],
  '1.2.2': ['deaf'],
  '1.2.3': ['blind'],
  '1.2.4': ['deaf'],
  '1.2.5': ['blind'],
  '1.3.1': ['blind'],
  '1.3.4': ['motor', 'lowVision'],
  '1.3.5': ['cognitive', 'motor'],
  '1.4.1': ['lowVision'],
  '1.4.2': ['blind'],
  '1.4.3': ['lowVision'],
  '1.4.4': ['lowVision'],
  '1.4.6': ['lowVision'],
  '1.4.10': ['lowVision'],
  '1.4.12': ['lowVision', 'cognitive'],
  '2.1.1': ['motor', 'blind'],
  '2.2.1': ['cognitive', 'motor'],
  '2.2.2': ['cognitive'],
  '2.4.1': ['blind', 'motor'],
  '2.4.2': ['blind', 'cognitive'],
  '2.4.4': ['blind', 'cognitive'],
  '2.4.7': ['motor', 'lowVision'],
  '2.5.3': ['blind', 'motor'],
  '2.5.8': ['motor'],
  '3.1.1': ['blind', 'cognitive'],
  '3.1.2': ['blind'],
  '4.1.2': ['blind', 'motor'],
};

const BY_GUIDELINE: Record<string, UserGroup[]> = {
  '1.1': ['blind'],
  '1.2': ['deaf', 'blind'],
  '1.3': ['blind'],
  '1.4': ['lowVision'],
  '2.1': ['motor', 'blind'],
  '2.2': ['cognitive', 'motor'],
  '2.3': ['cognitive'],
  '2.4': ['blind', 'motor', 'cognitive'],
  '2.5': ['motor'],
  '3.1': ['blind', 'cognitive'],
  '3.2': ['cognitive', 'blind'],
  '3.3': ['cognitive', 'blind'],
  '4.1': ['blind'],
};

export function usersOf(ruleId: string, wcag: readonly string[]): UserGroup[] {
  const found = new Set<UserGroup>(BY_RULE[ruleId] ?? []);
  if (found.size === 0) {
    for (const sc of wcag) for (const g of BY_CRITERION[sc] ?? BY_GUIDELINE[sc.split('.').slice(0, 2).join('.')] ?? []) found.add(g);
  }
  // A best practice without a criterion mostly concerns screen-reader structure.
  if (found.size === 0) found.add('blind');
  return USER_GROUPS.filter((g) => found.has(g));
}

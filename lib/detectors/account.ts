import { elementEvidence } from '../findings/evidence';
import { z } from 'zod';
import type { Field, Form, NodeRef, PageSnapshot } from '../snapshot/schema';
import { ACCOUNT_WORDS, JOB_WORDS, LOGIN_WORDS, NEWSLETTER_WORDS, SIGNUP_WORDS } from '../text/signup-words';
import { defineDetector } from './types';
import { type DetectorOutput, type Evidence } from '../model/finding';
import { parseUrl } from '../net/parse-url';
import { text, texts } from '../model/message';
import { isPersonField } from '../findings/person-fields';
import { classifyLink } from './legal-links';
import { joinedWords } from '../text/spaces';

// Issue 22: the context rules that hold for forms hold for links and buttons. A link to a newsletter, to job offers
// ("Nous rejoindre", a recruitment site) or under a newsletter heading leads to no account, unless it says "account".
const JOB_LINK = /nous\s+rejoindre|rejoignez[- ]nous|join\s+(us|our\s+team|the\s+team)\b|work\s+with\s+us|karriere|stellenangebote|offres?\s+d['’]emploi/i;
// A call to follow the site on a social network ("Rejoignez-nous sur Facebook") makes no account on the site.
const SOCIAL_HOST = /(^|\.)(facebook\.com|instagram\.com|twitter\.com|x\.com|linkedin\.com|youtube\.com|tiktok\.com|pinterest\.[a-z.]+|snapchat\.com|threads\.net|mastodon\.[a-z.]+|bsky\.app|whatsapp\.com|t\.me|telegram\.me|discord\.(gg|com))$/i;
// Registering for an event (a webinar, a conference, a race) or to e-mails and alerts is not a user account.
const EVENT_OR_MAIL = /webinar|webinaire|conf[ée]rence|summit|sommet|salon|event|évènement|événement|veranstaltung|konferenz|tickets?|billet|e-?mail|courriel|briefing|alerts?|alertes?|push|notifications?/i;
// E-mail marketing platforms: a "Sign up" that leads there gives an address to a mailing list, never an account.
const MAILING_HOST = /(^|\.)(list-manage\.com|eepurl\.com|mailchi\.mp|flodesk\.com|substack\.com|sibforms\.com|sendinblue\.com|brevo\.com|mailerlite\.com|mlsend\.com|convertkit\.com|ck\.page|beehiiv\.com|buttondown\.(email|com)|mailjet\.com|klaviyo\.com|createsend\.com|campaign-archive\.com|getrevue\.co|tinyletter\.com|sendfox\.com|aweber\.com|getresponse\.com|activehosted\.com|kit\.com)$/i;
// "Rejoignez-nous sur Flipboard", "Join us on Mastodon", "Folgen Sie uns auf …": following the publisher on a
// platform, whichever platform (the list of social hosts cannot be complete).
const FOLLOW_ON = /\b(rejoi(gnez|ns|ndre)|join|suivez|suivre|follow|retrouvez|folg(e|en)|s[ií]gue(nos)?|seguici)\b.{0,40}\s(sur|on|auf|en|su)\s+\S/i;
// "Propulsé par WordPress.com", "Powered by …": the platform's credit, even when it links to its own sign-up page.
const PLATFORM_CREDIT = /^\s*(propulsé|fièrement propulsé|powered|proudly powered|bereitgestellt|betrieben|unterstützt|fourni|réalisé|créé|conçu|made|built|hosted|hébergé|hecho|creado|realizzato)\s.{0,20}\b(par|by|von|mit|avec|with|con|da)\s/i;
// "Get started" leads anywhere (the home page, a product tour): it asks for an account only when it leads to one.
const WEAK_CALL = /get started/i;
const SIGNUP_PATH = /\/(sign-?up|signin|register|registration|inscription|join|create-account|creer-(un-)?compte|compte|account|onboarding|trial|essai|start)\b/i;
// A form inside a block named for a newsletter (#newsletter, #nl-box) or carrying a mailing list's hidden fields.
const NEWSLETTER_BLOCK = /#[\w-]*(newsletter|infolettre|mailing|nl)(?![a-z])[\w-]*/i;
const LIST_FIELD = /^(nl|newsletter|list|lists?\[\]|list_?id|listid|mc_[\w-]+|b_[0-9a-f]{10,}_[0-9a-f]+|sib[\w-]*|ml-[\w-]+|fields\[email\])$/i;

const JOB_PATH = /\/(recrutement|recrute|carrieres?|careers?|jobs?|emplois?|karriere|stellenangebote|stellen|nous-rejoindre|rejoignez-nous|join-us|work-with-us|offres-d-emploi)\b/i;

// Account creation asked of minors. "Il est dans tous les cas interdit de demander aux élèves mineurs de créer un
// compte sur un site" (seed 000). A form is scored from independent clues (new-password fields, a confirmation
// field, sign-up wording on the button, heading or form attributes, identity fields) against login clues; a login
// form alone is not a sign-up. Mitigations (class code, accounts made by the teacher, access through the ENT/GAR)
// turn the blocking verdict into a check for a person, with the reason given.
// Measured on real forms by scripts/eval/signup.ts (test/unit/signup-eval.test.ts holds the thresholds).

const SIGNUP_ATTR = /sign[-_ ]?up|regist|inscri|create[-_]?account|new[-_]?(account|customer|user|member)|join|enroll|onboard|creer[-_]?compte/i;
const LOGIN_ATTR = /log[-_ ]?in|sign[-_ ]?in|connexion|\bauth|session|logon/i;
const CONFIRM = /confirm|repeat|retype|re-?enter|verif|again|r[ée]p[ée]t|retaper|ressaisi|password_?2|pass2|passwd2|pwd2|cpass|re_?pass|password_?again|second/i;
const NAME = /first.?name|last.?name|given.?name|family.?name|full.?name|surname|fname|lname|pr[ée]nom|\bnom\b|^name$|\bname\b/i;
const BIRTH = /birth|naissance|\bdob\b|bday|anniversaire|\bâge\b|\bage\b/i;
const USERNAME = /user.?name|pseudo|identifiant|screen.?name|nickname/i;
const CHOOSE = /\b(create|choose|pick|new|set) (a |an |your )?(password|username|user name)|(cr[ée]e[rz]|choisi(r|ssez)|d[ée]fini(r|ssez)) (un |votre |ton )?(mot de passe|identifiant|pseudo)|nouveau mot de passe/i;
const REMEMBER = /remember|stay (signed|logged)|keep me (signed|logged)|rester connect|se souvenir|m[ée]moriser/i;
const TERMS = /terms|conditions|\bcgu\b|agree|j['’]accepte|accepte|privacy|confidentialit|policy/i;

const SOCIAL =
  /(se connecter|connexion|continuer|s['’]inscrire|inscription|sign (in|up)|log ?in|continue|register|join|connect)\s+(avec|with|via|par)\s+(google|microsoft|apple|facebook|twitter|x|linkedin|github|amazon|yahoo)\b/i;
const SOCIAL_HREF = /accounts\.google\.com\/o\/oauth2|facebook\.com\/(v[\d.]+\/)?dialog\/oauth|login\.microsoftonline\.com|appleid\.apple\.com\/auth|api\.twitter\.com\/oauth|github\.com\/login\/oauth/i;
const SCHOOL_LOGIN = /educonnect|\bENT\b|gar\.education\.fr|m[ée]diacentre|(se connecter|connexion|acc[ée]der)\s+(avec|via|par)\s+(l['’]|mon |votre )?(ENT|GAR|EduConnect)/;

/**
 * Words one of which every match of SIGNUP_WORDS and SOCIAL holds (case aside), and of SCHOOL_LOGIN (case kept):
 * test/unit/account-words.test.ts proves it from the patterns' structure. Most links of a page have none, and their
 * text is then not read by the patterns.
 */
export const CLICKABLE_WORDS = {
  anyCase: ['compte', 'profil', 'espace', 'cuenta', 'konto', 'account', 'user', 'customer', 'inscri', 'rejoi', 'sign', 'regist', 'regíst', 'join', 'start', 'nete', 'darse', 'jetzt', 'iscri', 'connect', 'connex', 'contin', 'log'],
  school: ['educonnect', 'ENT', 'gar.education.fr', 'médiacentre', 'mediacentre', 'GAR', 'EduConnect'],
} as const;
const escaped = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const ACCOUNT_WORD = new RegExp(escaped(CLICKABLE_WORDS.anyCase), 'i');
const SCHOOL_WORD = new RegExp(escaped(CLICKABLE_WORDS.school));
/** The patterns CLICKABLE_WORDS stand for, for their test. */
export const CLICKABLE_PATTERNS = { SIGNUP_WORDS, SOCIAL, SCHOOL_LOGIN } as const;
const AGE_GATE =
  /(moins|plus) de 1[3-8] ans|[âa]g[ée]e?s? d['’]au moins 1[3-8]|avoir (au moins )?1[3-8] ans|under 1[3-8]\b|over 1[3-8]\b|at least 1[3-8]\b|1[3-8] (years old|or older|ans ou plus)|(âge|age) minimum|minimum age/i;

function fieldText(f: Field): string {
  return [f.name, f.id, f.autocomplete, f.placeholder, f.label, f.ariaLabel].join(' ');
}

export interface FormVerdict {
  signup: boolean;
  /** Credentials or an account are asked for explicitly; otherwise the sign-up is left to a person ("à vérifier"). */
  strong: boolean;
  login: boolean;
  score: number;
  reasons: string[];
  birth: Field[];
  /** A newsletter, comment, contact or job form: its own buttons ("Je m'inscris") lead to no account. */
  notAccount: boolean;
}

/** Scores one form as a sign-up. Pure, so the evaluation script measures exactly what the detector uses. */
export function classifyForm(form: Form): FormVerdict {
  // Issue 22: only fields a person fills; an anti-spam trap named "age" is no birth date.
  const fields = form.fields.filter(isPersonField);
  const passwords = fields.filter((f) => f.type === 'password');
  // Issue 22: a comment box marked autocomplete="new-password" (an anti-spam plugin's trick) holds no password: only
  // an input can be one.
  const newPw = fields.some((f) => (f.tag === 'input' && /new-password/i.test(f.autocomplete)) || (f.type === 'password' && /new.?pass|nouveau/i.test(`${f.name} ${f.id} ${f.label}`)));
  const curPw = fields.some((f) => /current-password/i.test(f.autocomplete));
  const email = fields.some((f) => f.type === 'email' || /e-?mail|courriel/i.test(fieldText(f)));
  const username = fields.some((f) => f.type !== 'password' && USERNAME.test(fieldText(f)));
  const names = fields.filter((f) => f.type !== 'password' && f.type !== 'checkbox' && NAME.test(fieldText(f)) && !USERNAME.test(fieldText(f)) && !/e-?mail/i.test(fieldText(f)));
  // Three selects named day / month / year are a birth date more often than not on an account form.
  const dmy = fields.filter((f) => /\b(day|month|year|jour|mois|ann[ée]e)\b|_(day|month|year)|(day|month|year)_/i.test(fieldText(f)));
  const dayMonthYear = dmy.length >= 2;
  const birth = [...new Set([...fields.filter((f) => BIRTH.test(fieldText(f)) || /^bday/.test(f.autocomplete)), ...(dayMonthYear ? dmy : [])])];
  const terms = fields.some((f) => f.type === 'checkbox' && TERMS.test(fieldText(f)));
  const submits = form.submitTexts.join(' | ');
  const attrs = `${form.id} ${form.className} ${pathOf(form.action)}`;

  let score = 0;
  const reasons: string[] = [];
  const add = (n: number, why: string) => {
    score += n;
    reasons.push(`${n > 0 ? '+' : ''}${n} ${why}`);
  };
  if (newPw && !curPw) add(3, 'new-password');
  if (passwords.length >= 2 && !curPw) add(3, 'password confirmation');
  else if (fields.some((f) => f.type !== 'password' && CONFIRM.test(fieldText(f)) && /mail/i.test(fieldText(f)))) add(2, 'e-mail confirmation');
  if (curPw && !newPw) add(-3, 'current-password');
  if (fields.some((f) => CHOOSE.test(`${f.label} ${f.placeholder} ${f.ariaLabel}`))) add(2, 'field asks to choose a password or user name');
  const signupSubmit = SIGNUP_WORDS.test(submits);
  const loginSubmit = LOGIN_WORDS.test(submits);
  if (signupSubmit && !loginSubmit) add(3, 'sign-up button');
  else if (loginSubmit && !signupSubmit) add(-3, 'login button');
  if (SIGNUP_WORDS.test(form.heading)) add(2, 'sign-up heading');
  else if (LOGIN_WORDS.test(form.heading)) add(-2, 'login heading');
  // Form attributes are the weakest clue: a sign-up form often posts to a shared /login endpoint.
  if (SIGNUP_ATTR.test(attrs)) add(2, 'sign-up form attributes');
  else if (LOGIN_ATTR.test(attrs) && !signupSubmit) add(-2, 'login form attributes');
  if (names.length > 0 && (passwords.length > 0 || email)) add(1, 'name fields');
  if (birth.length > 0) add(2, 'birth date');
  if (terms) add(1, 'terms checkbox');
  if (username && email && fields.filter((f) => f.type !== 'password' && (USERNAME.test(fieldText(f)) || /e-?mail|courriel/i.test(fieldText(f)) || f.type === 'email')).length >= 2) add(1, 'username and e-mail');
  if (fields.some((f) => f.type === 'checkbox' && REMEMBER.test(fieldText(f)))) add(-2, '"remember me" box');

  // What makes an account rather than a message or a mailing list: credentials to come back with, or the page
  // saying "create an account". Without either, a newsletter box, a comment, a contact or a job form is not one.
  // A password field is sometimes typed "text" (shown while typed): its name still says what it holds.
  const credentials = passwords.length > 0 || username || fields.some((f) => f.tag === 'input' && /pass(word|wd)?\b|\bpwd\b|mot.?de.?passe|contrase[ñn]a|passwort|kennwort/i.test(fieldText(f)));
  const accountWording = ACCOUNT_WORDS.test(submits) || ACCOUNT_WORDS.test(form.heading);
  if (accountWording && !loginSubmit) add(1, 'account wording');
  // Field labels are left out: a sign-up often offers its newsletter in a checkbox.
  const words = `${submits} ${form.heading} ${attrs}`;
  // Without credentials, a choice of newsletters in the fields ("La newsletter de …" boxes) makes it a mailing list.
  const mailingList = NEWSLETTER_BLOCK.test(form.ref.selector) || MAILING_HOST.test(parseUrl(form.action)?.hostname ?? '') || form.fields.some((f) => f.type === 'hidden' && LIST_FIELD.test(f.name));
  const notAccount = !credentials && !accountWording && (mailingList || NEWSLETTER_WORDS.test(words) || fields.some((f) => f.tag === 'textarea' || (f.type === 'checkbox' && NEWSLETTER_WORDS.test(fieldText(f)))));
  // A job application sends a CV; a job site's own sign-up ("Créez votre compte candidat") is still an account.
  const job = !credentials && !accountWording && (form.fields.some((f) => f.type === 'file') || JOB_WORDS.test(`${submits} ${form.heading} ${attrs}`));
  if (notAccount) add(-5, 'newsletter, message or comment without credentials');
  if (job) add(-5, 'job application');

  const identity = passwords.length > 0 || email || username || fields.some((f) => f.type === 'tel');
  const signup = identity && score >= 3;
  // Strong: credentials to come back with, or the form says so ("Créer un compte", "Inscription", "Sign up").
  // Thin: only weaker clues (a /register address, name, birth date, terms box), which an event or a contest asks too.
  const strong = credentials || accountWording || signupSubmit || SIGNUP_WORDS.test(form.heading) || fields.some((f) => CHOOSE.test(`${f.label} ${f.placeholder} ${f.ariaLabel}`));
  return { signup, strong: signup && strong, login: !signup && passwords.length > 0, score, reasons, birth, notAccount: notAccount || job };
}

function pathOf(url: string): string {
  const u = parseUrl(url);
  return u ? u.pathname + u.search : '';
}

function formEvidence(form: Form, text: string): Evidence {
  return elementEvidence(form.ref, text);
}

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const accountData = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('signup-form'), forms: z.number(), mitigated: z.boolean(), thin: z.boolean().optional(), reasons: z.array(z.array(z.string())) }),
  z.strictObject({ kind: z.literal('social-login'), providers: z.array(z.string()) }),
]);

export const account = defineDetector({
  id: 'account',
  category: 'account',
  data: accountData,
  requires: ['forms', 'links', 'buttons', 'textSignals'],
  run(snapshot: PageSnapshot): DetectorOutput[] {
    const verdicts = snapshot.forms.map((form) => ({ form, v: classifyForm(form) }));
    const signups = verdicts.filter((x) => x.v.signup);
    const logins = verdicts.filter((x) => x.v.login);
    const clickables = [
      ...snapshot.links.map((l) => ({ text: joinedWords(l.text, l.ariaLabel, l.title, l.imgAlt), href: l.href, ref: l.ref, context: l.context ?? '' })),
      ...snapshot.buttons.map((b) => ({ text: b.text, href: '', ref: b.ref, context: b.context ?? '' })),
    ];

    // Mitigations: ways to use the resource without a pupil creating an account.
    const mitigations: Evidence[] = [];
    for (const t of snapshot.textSignals) {
      if (t.pattern === 'class-code') mitigations.push({ selector: t.ref.selector, text: t.ref.label || t.text });
    }
    for (const c of clickables) {
      if ((SCHOOL_WORD.test(c.text) && SCHOOL_LOGIN.test(c.text)) || SCHOOL_LOGIN.test(c.href)) mitigations.push({ selector: c.ref.selector, url: c.href || undefined, text: c.text });
    }
    const reason = texts(mitigations.map((m) => m.text ?? '').filter(Boolean), 3);

    const out: DetectorOutput[] = [];
    if (signups.length > 0) {
      const mitigated = mitigations.length > 0;
      // Thin evidence (no credentials, no sign-up or account wording): a person checks, never a blocking point.
      const thin = !signups.some(({ v }) => v.strong);
      out.push({
        key: 'signup-form',
        severity: mitigated || thin ? 'review' : 'blocking',
        messageKey: mitigated ? 'account_signupForm_mitigated' : thin ? 'account_signupForm_thin' : 'account_signupForm',
        params: mitigated ? [reason] : [],
        evidence: signups.map(({ form }) => formEvidence(form, form.heading || form.submitTexts[0] || '')),
        data: { kind: 'signup-form', forms: signups.length, mitigated, thin, reasons: signups.map(({ v }) => v.reasons) },
      });
    } else {
      // Links and buttons that lead to a sign-up elsewhere: the page itself asks nothing yet.
      const inOtherForm = (sel: string) => verdicts.some(({ form, v }) => v.notAccount && sel.startsWith(form.ref.selector + ' '));
      // The words first: most links of a page say nothing of an account, and the forms need not be walked for them.
      const links = clickables.filter((c) => c.text.length <= 80 && ((ACCOUNT_WORD.test(c.text) && SIGNUP_WORDS.test(c.text)) || /\/(sign-?up|register|inscription|creer-(un-)?compte|create-account)\b/i.test(pathOf(c.href))) && !inOtherForm(c.ref.selector) && !SOCIAL.test(c.text) && !leadsElsewhere(c));
      if (links.length > 0) {
        out.push({
          key: 'signup-link',
          severity: 'review',
          messageKey: 'account_signupLink',
          params: [text(links[0]!.text || links[0]!.href)],
          evidence: links.map(clickEvidence),
        });
      }
    }

    const social = clickables.filter((c) => (ACCOUNT_WORD.test(c.text) && SOCIAL.test(c.text)) || SOCIAL_HREF.test(c.href));
    if (social.length > 0) {
      const providers = [...new Set(social.map((c) => (SOCIAL.exec(c.text)?.[4] ?? providerOfHref(c.href)).replace(/^\w/, (x) => x.toUpperCase())))];
      out.push({
        key: 'social-login',
        severity: 'problem',
        messageKey: 'account_socialLogin',
        params: [texts(providers)],
        evidence: social.map(clickEvidence),
        data: { kind: 'social-login', providers },
      });
    }

    const birth = verdicts.filter((x) => x.v.birth.length > 0);
    if (birth.length > 0) {
      out.push({
        key: 'birth-date',
        severity: 'problem',
        messageKey: 'account_birthDate',
        evidence: birth.map(({ form, v }) => formEvidence(form, v.birth.map((f) => f.label || f.name || f.placeholder).join(', '))),
      });
    }
    const gates = snapshot.textSignals.filter((t) => t.pattern === 'age' && AGE_GATE.test(t.text));
    if (gates.length > 0) {
      out.push({
        key: 'age-gate',
        severity: 'review',
        messageKey: 'account_ageGate',
        evidence: gates.map((t) => ({ selector: t.ref.selector, text: t.text })),
      });
    }
    if (mitigations.length > 0) {
      out.push({ key: 'mitigation', severity: 'info', messageKey: 'account_mitigation', params: [reason], evidence: mitigations });
    }
    if (logins.length > 0 && signups.length === 0) {
      out.push({
        key: 'login-form',
        severity: 'info',
        messageKey: 'account_loginForm',
        evidence: logins.map(({ form }) => formEvidence(form, form.heading || form.submitTexts[0] || '')),
      });
    }
    return out;
  },
});

/** A link or button whose words, address or surroundings say newsletter or job rather than account. */
function leadsElsewhere(c: { text: string; href: string; context: string }): boolean {
  if (ACCOUNT_WORDS.test(c.text)) return false;
  const path = pathOf(c.href);
  const host = parseUrl(c.href)?.hostname ?? '';
  if (SOCIAL_HOST.test(host) || MAILING_HOST.test(host) || JOB_PATH.test('/' + host.split('.')[0])) return true;
  if (FOLLOW_ON.test(c.text) || PLATFORM_CREDIT.test(c.text)) return true;
  if (WEAK_CALL.test(c.text) && !SIGNUP_PATH.test(path) && !/sign-?up|register|account|auth|login|app\./i.test(host)) return true;
  // A headline that happens to hold the words ("How to Get Started With…", "Registrierungsfrist läuft ab") is not a
  // call to sign up: the call leads the label, or the label is a few words.
  const label = c.text.replace(/^[^\p{L}\d]+/u, '');
  const m = SIGNUP_WORDS.exec(label);
  if (m && m.index > 0 && label.split(/\s+/).length > 3) return true;
  // A legal document's link whose address passes through a sign-up page ("AGB" → /terms-conditions/register).
  if (!m && classifyLink({ href: c.href, text: c.text, title: '', ariaLabel: '', imgAlt: '' }).length > 0) return true;
  if (EVENT_OR_MAIL.test(c.text) || (c.context && EVENT_OR_MAIL.test(c.context) && !ACCOUNT_WORDS.test(c.context))) return true;
  if (NEWSLETTER_WORDS.test(c.text) || /newsletter|infolettre|lettre-d-information/i.test(path)) return true;
  if (JOB_LINK.test(c.text) || JOB_PATH.test(path) || JOB_WORDS.test(c.text)) return true;
  // The words around it: "Newsletter — Recevez nos actualités [S'inscrire]" (a short block, not a whole menu).
  return c.context.length > 0 && NEWSLETTER_WORDS.test(c.context) && !ACCOUNT_WORDS.test(c.context);
}

function clickEvidence(c: { text: string; href: string; ref: NodeRef }): Evidence {
  return elementEvidence(c.ref, c.text, c.href);
}

function providerOfHref(href: string): string {
  if (/google/i.test(href)) return 'Google';
  if (/facebook/i.test(href)) return 'Facebook';
  if (/microsoft/i.test(href)) return 'Microsoft';
  if (/apple/i.test(href)) return 'Apple';
  if (/twitter/i.test(href)) return 'Twitter';
  return 'GitHub';
}

// Pages vérifiées : fixtures in test/fixtures/pages/account/ and the signup-forms corpus (scripts/eval/signup.ts).

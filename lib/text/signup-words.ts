// Wording of account forms in the languages teachers meet: French, English, Spanish, German, Italian. Lists of
// phrases, kept apart from the account detector so they can grow without touching its rules.

const alt = (...parts: string[]) => new RegExp(parts.join('|'), 'i');

/** Creating an account, explicitly: an account, a profile or credentials to come back to. */
export const ACCOUNT_WORDS = alt(
  // French
  "cr[ée]e[rz]? (un |mon |votre |ton |son )?(nouveau )?(compte|profil|espace)",
  "cr[ée]ation (de |du |d['’]un )?(compte|profil)",
  'ouvr(ir|ez) (un|mon|votre) compte',
  "(je )?(cr[ée]e|ouvre) mon compte",
  // English
  'create (an |your |my |a |new )?(free )?(\\w+ )?(account|profile)',
  'open an account',
  'new (user|account|customer) ',
  // Spanish
  'cr(ear|ea|ee) (una |tu |su |mi )?(nueva )?cuenta',
  'abr(ir|e) (una |tu )?cuenta',
  // German
  '(konto|benutzerkonto|profil|account) (erstellen|anlegen|er[öo]ffnen|einrichten)',
  'neues (konto|benutzerkonto)',
  // Italian
  'crea(re)? (un |il tuo |il mio |un nuovo )?(account|profilo)',
  'apri (un )?account',
);

/** Signing up, said in other words than "account": also used by newsletters or events, so weaker alone. */
export const SIGNUP_WORDS = alt(
  ACCOUNT_WORDS.source,
  // French
  "s['’]\\s?inscrire",
  "je m['’]inscris",
  'inscri(ption|vez|s-toi|s toi|re)',
  // "Rejoindre" a service, not a team (a job offer).
  "rejoi(ndre|gnez|ns)(-nous)?(?! (notre |nos |l['’]|la |les )?([ée]quipe|team|rangs))\\b",
  // English
  'sign[ -]?up',
  '\\bregist(er|ration)\\b',
  "join (now|free|for free|us|today)(?! (our|the) team)",
  'get started',
  'start (your )?free trial',
  // Spanish
  'reg[íi]str(ate|arse|arme|o)\\b',
  '[úu]nete',
  'darse de alta',
  // German
  'registrier(en|ung|e dich)',
  'jetzt (kostenlos )?(registrieren|mitmachen)',
  // Italian
  'registra(ti|rsi|zione)\\b',
  'iscri(viti|versi|zione)\\b',
);

export const LOGIN_WORDS = alt(
  // French
  'se connecter',
  'connecte[zr]?-(vous|toi)',
  '\\bconnexion\\b',
  "s['’]identifier",
  'identifie[zr]?-(vous|toi)',
  'accéder à (mon|votre) compte',
  'mot de passe oublié',
  // English
  '\\blog ?in\\b',
  '\\blog ?on\\b',
  '\\bsign ?in\\b',
  '\\bsignin\\b',
  'forgot (your )?password',
  'welcome back',
  // Spanish
  'iniciar sesi[óo]n',
  'inicia sesi[óo]n',
  '¿olvidaste tu contraseña',
  // German
  '^\\s*anmelden\\s*$',
  '\\beinloggen\\b',
  'passwort vergessen',
  // Italian
  '^\\s*accedi\\s*$',
  '\\baccesso\\b',
  'password dimenticata',
);

/** A newsletter, an alert or a mailing list: an e-mail given, no account made. */
export const NEWSLETTER_WORDS = alt(
  'newsletter',
  "lettre(s)? d['’]information",
  'infolettre',
  'la lettre\\b',
  'recevoir (la|notre|nos) (lettre|actualit|offres|alertes)',
  '\\babonne(r|z|ment|s)\\b',
  "s['’]abonner",
  'abonnez',
  '\\bsubscribe\\b',
  'mailing list',
  'bolet[íi]n',
  'suscr[íi]b',
  'suscripci[óo]n',
  'iscriviti alla newsletter',
);

/** A job application: the form sends a CV, not an account. */
export const JOB_WORDS = alt('candidature', 'postuler', '\\bcv\\b', 'curriculum', 'recrut', 'carri[èe]res?', '\\bapply\\b', 'job', 'emploi', 'bewerb', 'candidat');

import type { UseContext } from '../model/assessment';

// The context of use, asked once per evaluation: it changes what blocks. A field left unset means "not said", and
// the rules then keep the detectors' reading (a sign-up form stays blocking), never the friendlier one.

/** Pupils are taken to be minors unless the level says otherwise: the dossier's rule is about minors. */
export function minorsLikely(c: UseContext): boolean {
  return c.level !== 'post-bac';
}

/** Pupils would create an account themselves: what makes a sign-up form blocking. */
export function pupilsSignUp(c: UseContext): boolean | undefined {
  if (c.users === 'teacher') return false;
  if (c.access === undefined) return undefined;
  return c.access === 'pupil-accounts';
}

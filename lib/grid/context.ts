import { z } from 'zod';

// The context of use, asked once per evaluation: it changes what blocks. A field left unset means "not said", and
// the rules then keep the detectors' reading (a sign-up form stays blocking), never the friendlier one.

export const USERS = ['pupils', 'teacher'] as const;
export const LEVELS = ['cycle1', 'cycle2', 'cycle3', 'cycle4', 'lycee', 'post-bac'] as const;
export const PLACES = ['class', 'outside', 'both'] as const;
/** How pupils reach the resource: the school's ENT / GAR, accounts the school creates, accounts pupils would create. */
export const ACCESS = ['ent-gar', 'school-accounts', 'pupil-accounts'] as const;

export const contextSchema = z.object({
  users: z.enum(USERS).optional(),
  level: z.enum(LEVELS).optional(),
  subject: z.string().max(200).optional(),
  place: z.enum(PLACES).optional(),
  access: z.enum(ACCESS).optional(),
});
export type UseContext = z.infer<typeof contextSchema>;

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

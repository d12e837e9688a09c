import { z } from 'zod';
import { contextSchema } from './assessment';

// The académie's settings, set by browser policy (Chrome `3rdparty` + the manifest's `storage.managed_schema`,
// Firefox `policies.json` "3rdparty"), read from `storage.managed`. An administrator's typing mistake must not cost
// the rest: each key is read on its own, and a value of the wrong type is left out and named, never guessed.
// public/managed_schema.json says the same for Chrome's policy page; test/unit/policy.test.ts keeps them together.

export const policySchema = z.object({
  /** Catalogues every browser follows; the person cannot unsubscribe from them. */
  catalogues: z.array(z.string().url().max(2000)).max(20),
  /** Named on the dashboard's published catalogue and the settings page. */
  academie: z.string().trim().min(1).max(200),
  /** Whom to ask about a resource (an address, a phone number, a service): shown, never linked to automatically. */
  referentContact: z.string().trim().min(1).max(300),
  /** The context of use an evaluation starts from (the person can change it). */
  defaultContext: contextSchema,
  /** Whether the optional "Observer la page" (reload with observation) may be offered; absent: allowed. */
  allowObserve: z.boolean(),
});
export type AcademiePolicy = Partial<z.infer<typeof policySchema>>;
export const POLICY_KEYS = Object.keys(policySchema.shape) as (keyof typeof policySchema.shape)[];

export interface PolicyRead {
  policy: AcademiePolicy;
  /** Keys the policy gave with a value of the wrong type, and what was wrong (zod's path inside the value). */
  refused: { key: string; path: string }[];
}

/** Each known key validated on its own; unknown keys are ignored (a newer Loupe's, or a typo shown by Chrome). */
export function readPolicy(raw: unknown): PolicyRead {
  const policy: Record<string, unknown> = {};
  const refused: PolicyRead['refused'] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { policy: {}, refused: [] };
  for (const key of POLICY_KEYS) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = policySchema.shape[key].safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else refused.push({ key, path: [key, ...parsed.error.issues[0]!.path].join('.') });
  }
  return { policy: policy as AcademiePolicy, refused };
}

import { z } from 'zod';
import { USER_GROUPS } from '../a11y/users';
import { TRACKER_CATEGORIES } from '../trackers/categories';

// Pieces of the detectors' `data` schemas that several detectors share. Each detector declares its own schema
// (`data` in lib/detectors/<id>.ts); the export validates every finding's data by its detector.

export const trackerCategorySchema = z.enum(TRACKER_CATEGORIES);
export const userGroupSchema = z.enum(USER_GROUPS);

/** The accessibility facts of a finding: WCAG success criteria, RGAA criteria, the pupils hindered. */
export const a11yFacts = {
  wcag: z.array(z.string()),
  rgaa: z.array(z.string()),
  users: z.array(userGroupSchema),
};

/** A detector that records nothing beyond its message and evidence. */
export const noData = z.never();

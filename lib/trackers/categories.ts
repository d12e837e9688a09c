import { z } from 'zod';

// trackerdb's own category list (the `categories` of @ghostery/trackerdb's trackerdb.json), typed so a misspelt
// category fails to compile; test/unit/tracker-data.test.ts fails when the installed trackerdb's list differs.
export const TRACKER_CATEGORIES = [
  'advertising',
  'audio_video_player',
  'consent',
  'customer_interaction',
  'extensions',
  'hosting',
  'misc',
  'pornvertising',
  'site_analytics',
  'social_media',
  'utilities',
] as const;
export type TrackerCategory = (typeof TRACKER_CATEGORIES)[number];
export const trackerCategorySchema = z.enum(TRACKER_CATEGORIES);

/** Categories whose services follow visitors; hosting, players, utilities and the consent platform itself do not. */
export const TRACKING_CATEGORIES: readonly TrackerCategory[] = ['advertising', 'pornvertising', 'site_analytics', 'social_media'];

export function isTrackerCategory(c: string): c is TrackerCategory {
  return (TRACKER_CATEGORIES as readonly string[]).includes(c);
}

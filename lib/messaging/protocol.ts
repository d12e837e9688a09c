import { z } from 'zod';

// Replies from the inspected page are parsed on arrival: the page can tamper with what its content script returns.
// The messages sent to it are typed in content-message.ts.

/** What the page answers to a highlight: for each selector, whether it was drawn, hidden or gone. */
export const highlightReplySchema = z.object({
  results: z.array(z.enum(['shown', 'hidden', 'gone'])),
  stale: z.boolean(),
});
export type HighlightReply = z.infer<typeof highlightReplySchema>;

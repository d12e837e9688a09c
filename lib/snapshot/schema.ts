import { z } from 'zod';
import { A11Y_LIMITS, LIMITS } from './limits';

// The PageSnapshot is what crosses from the inspected page into the extension. The page can tamper with anything
// the content script returns, so every field is bounded and parsed here before a detector sees it.

const str = (max: number) => z.string().max(max);
const shortText = str(500);
const url = str(4096);

/** A serialisable stand-in for a DOM element: enough to show it, find it again and highlight it. */
export const nodeRefSchema = z.object({
  selector: str(2000),
  /** Start of the element's outer HTML, for a person to recognise it. */
  snippet: str(300),
  /** Accessible-ish label: text, alt, title or aria-label, trimmed. */
  label: str(200),
  rect: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
    .optional(),
  /** Inside a <footer>, role=contentinfo or a DSFR footer. */
  inFooter: z.boolean().optional(),
  /** Not rendered (display:none, visibility:hidden or zero size). */
  hidden: z.boolean().optional(),
});
export type NodeRef = z.infer<typeof nodeRefSchema>;

export const linkSchema = z.object({
  href: url,
  text: shortText,
  title: shortText,
  ariaLabel: shortText,
  rel: str(200),
  /** Text of an image inside the link (alt), e.g. a Creative Commons badge or a GAR mark. */
  imgAlt: shortText,
  imgSrc: url,
  ref: nodeRefSchema,
  /** Issue 15: for links that may name a licence, where they sit (lib/snapshot/context.ts). */
  within: str(20).optional(),
  /** Issue 22: for links and buttons that may speak of an account or a subscription, the text around them. */
  context: str(300).optional(),
});
export type Link = z.infer<typeof linkSchema>;

export const fieldSchema = z.object({
  tag: str(20),
  type: str(40),
  name: str(200),
  id: str(200),
  autocomplete: str(100),
  placeholder: shortText,
  label: shortText,
  ariaLabel: shortText,
  required: z.boolean(),
  hidden: z.boolean(),
  /** Issue 22: the tabindex attribute as written ("-1" takes a field out of the keyboard order: a robots' trap). */
  tabindex: str(10).optional(),
});
export type Field = z.infer<typeof fieldSchema>;

export const formSchema = z.object({
  action: url,
  method: str(20),
  id: str(200),
  className: str(300),
  /** Headings and legend text near or in the form. */
  heading: shortText,
  /** Texts of the submit buttons. */
  submitTexts: z.array(shortText).max(20),
  fields: z.array(fieldSchema).max(200),
  /** A "form" without a <form> element: inputs grouped by their nearest container. */
  virtual: z.boolean(),
  ref: nodeRefSchema,
});
export type Form = z.infer<typeof formSchema>;

export const buttonSchema = z.object({ text: shortText, ref: nodeRefSchema, context: str(300).optional() });

export const scriptSchema = z.object({ src: url, type: str(100), ref: nodeRefSchema });
export const inlineScriptSchema = z.object({
  /** First characters of an inline script, enough to recognise a consent platform or an ad tag. */
  head: str(400),
  /** Issue 15: host names the whole script mentions (≤ 20), e.g. a consent platform's loader after 400 characters. */
  hosts: z.array(str(200)).max(20).optional(),
});
export const iframeSchema = z.object({
  src: url,
  title: shortText,
  name: str(200),
  ref: nodeRefSchema,
  /** Issue 15: the width and height attributes as written, and whether the page hides the frame (hidden,
   * display:none…): a 1×1 or hidden frame is a pixel or a cookie sync, not an ad shown. */
  width: str(20).optional(),
  height: str(20).optional(),
  hiddenByPage: z.boolean().optional(),
});
export const imageSchema = z.object({
  src: url,
  alt: shortText,
  title: shortText,
  width: z.number(),
  height: z.number(),
  ref: nodeRefSchema,
  /** Issue 15: for licence badges, where they sit (a badge in a photo credit is the photo's). */
  within: str(20).optional(),
});
export const mediaSchema = z.object({
  tag: z.enum(['video', 'audio']),
  src: url,
  autoplay: z.boolean(),
  muted: z.boolean(),
  controls: z.boolean(),
  tracks: z.array(z.object({ kind: str(40), srclang: str(40), label: shortText })).max(50),
  ref: nodeRefSchema,
});
export const metaSchema = z.object({ name: str(200), property: str(200), content: str(2000) });
export const linkTagSchema = z.object({ rel: str(200), href: url, type: str(100) });
export const microdataSchema = z.object({
  itemprop: str(200),
  itemtype: str(300),
  value: str(1000),
  ref: nodeRefSchema,
});
/** Issue 22: a <time> element: its machine-readable datetime, its text and the text around it ("Publié le"). */
export const timeSchema = z.object({ datetime: str(100), text: str(200), context: str(300), ref: nodeRefSchema, within: str(20).optional() });
export const rdfaSchema = z.object({ property: str(200), value: str(1000), ref: nodeRefSchema });

/** Elements that look like a known container (ad slot, consent banner, …): where to look, not a verdict. */
export const markedElementSchema = z.object({
  /** Which selector list matched, e.g. "ad-slot", "consent". */
  kind: str(40),
  /** The selector from lib/snapshot/selectors.ts that matched. */
  matched: str(300),
  tag: str(40),
  id: str(200),
  className: str(300),
  text: shortText,
  /** Consent banners only: texts of the buttons and links inside, to see whether a refuse option is offered. */
  controls: z.array(str(200)).max(40).optional(),
  /** Consent banners only: controls the banner hides (a second layer behind "Personnaliser"). */
  hiddenControls: z.array(str(200)).max(40).optional(),
  ref: nodeRefSchema,
});
export type MarkedElement = z.infer<typeof markedElementSchema>;

/** A short text found on the page matching one of the patterns of lib/snapshot/text-patterns.ts. */
export const textSignalSchema = z.object({
  pattern: str(40),
  text: shortText,
  ref: nodeRefSchema,
  /** Issue 15: for licence and © texts, where they sit: a photo credit is not the page's licence. Issue 22: prices too. */
  within: str(20).optional(),
});
export type TextSignal = z.infer<typeof textSignalSchema>;

export const resourceSchema = z.object({
  url: url,
  initiatorType: str(40),
  /** Bytes on the wire; 0 for cross-origin resources without Timing-Allow-Origin, or from cache. */
  transferSize: z.number(),
  encodedBodySize: z.number(),
  startTime: z.number(),
});
export type Resource = z.infer<typeof resourceSchema>;

// ── Accessibility facts (lib/snapshot/a11y-facts.ts), for Loupe's own accessibility rules ──────────────────────
export const a11yFactsSchema = z.object({
  links: z
    .array(
      z.object({
        name: str(300),
        title: str(300),
        /** The href attribute as written ("#", "javascript:void(0)"), next to the address it resolves to. */
        hrefAttr: str(500),
        href: str(2000),
        hasHref: z.boolean(),
        role: str(40),
        onclick: z.boolean(),
        /** Text of the enclosing paragraph, list item, cell or heading. */
        context: str(300),
        ref: nodeRefSchema,
      }),
    )
    .max(A11Y_LIMITS.links),
  fields: z
    .array(
      z.object({
        tag: str(20),
        type: str(40),
        placeholder: str(300),
        label: str(300),
        ariaLabel: str(300),
        labelledBy: str(300),
        title: str(300),
        ref: nodeRefSchema,
      }),
    )
    .max(A11Y_LIMITS.fields),
  tables: z
    .array(
      z.object({
        role: str(40),
        rows: z.number().int().nonnegative(),
        cols: z.number().int().nonnegative(),
        th: z.number().int().nonnegative(),
        roleHeaders: z.number().int().nonnegative(),
        caption: str(200),
        thead: z.boolean(),
        summary: z.boolean(),
        scopeOrHeaders: z.boolean(),
        nested: z.boolean(),
        /** The narrowest and widest rows, in columns (colspan and rowspan counted): unequal, the table model breaks. */
        rowWidths: z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }).optional(),
        ref: nodeRefSchema,
      }),
    )
    .max(A11Y_LIMITS.tables),
  duplicateIds: z
    .array(
      z.object({
        id: str(200),
        count: z.number().int().min(2),
        attributes: z.array(str(40)).max(20),
        referrers: z.array(nodeRefSchema).max(5),
        holders: z.array(nodeRefSchema).max(5),
      }),
    )
    .max(A11Y_LIMITS.duplicateIds),
  pseudoContent: z
    .array(z.object({ selector: str(300), pseudo: z.enum(['before', 'after']), content: str(200), count: z.number().int().positive(), ref: nodeRefSchema }))
    .max(A11Y_LIMITS.pseudoContent),
  media: z
    .array(
      z.object({
        tag: z.enum(['video', 'audio']),
        autoplay: z.boolean(),
        muted: z.boolean(),
        controls: z.boolean(),
        loop: z.boolean(),
        paused: z.boolean(),
        /** Seconds; -1 for a live stream; null until the browser knows. */
        duration: z.number().nullable(),
        /** Whether the media has a sound track; null when the browser cannot tell. */
        hasAudio: z.boolean().nullable(),
        ref: nodeRefSchema,
      }),
    )
    .max(A11Y_LIMITS.media),
  text: z.object({ sample: str(A11Y_LIMITS.textSample), foreignLangChars: z.number().int().nonnegative() }),
  // Issue 26 (lib/snapshot/a11y-presentation.ts): defaults so snapshots stored before them still parse.
  /** Images with a non-empty alternative, and the text right beside them (caption, sibling nodes). */
  altTexts: z
    .array(z.object({ alt: str(300), src: str(500), inControl: z.boolean(), adjacent: z.array(str(300)).max(4), ref: nodeRefSchema }))
    .max(A11Y_LIMITS.altTexts)
    .default([]),
  /** Elements holding text that is justified (one per block) or set under 9 px. */
  typography: z
    .array(z.object({ kind: z.enum(['justify', 'tiny']), fontSize: z.number(), text: str(120), ref: nodeRefSchema }))
    .max(A11Y_LIMITS.typography)
    .default([]),
  /** CSS that makes elements vanish and come back (keyframes to opacity 0 / visibility hidden, text-decoration: blink). */
  blinking: z
    .array(
      z.object({
        kind: z.enum(['animation', 'text-decoration']),
        name: str(100),
        selector: str(300),
        /** Total running time (duration × iterations), when not infinite. */
        seconds: z.number(),
        infinite: z.boolean(),
        count: z.number().int().positive(),
        ref: nodeRefSchema,
      }),
    )
    .max(A11Y_LIMITS.blinking)
    .default([]),
  /** Elements and attributes RGAA 10.1 forbids for presentation (font, center, align, bgcolor…). */
  presentational: z
    .array(z.object({ tag: str(40), element: z.boolean(), attributes: z.array(str(40)).max(10), ref: nodeRefSchema }))
    .max(A11Y_LIMITS.presentational)
    .default([]),
  /** Inline handlers that keep the focus: onblur that calls focus(), a key handler that cancels Tab. */
  focusTraps: z
    .array(z.object({ kind: z.enum(['refocus', 'tab-cancelled']), handler: str(20), code: str(200), ref: nodeRefSchema }))
    .max(A11Y_LIMITS.focusTraps)
    .default([]),
  truncated: z.array(str(40)).max(20),
});
export type A11yFacts = z.infer<typeof a11yFactsSchema>;

/**
 * The page's generated code (doctype and DOM serialised), cut after a tag past the limit (`cut`): RGAA 8.2 validates
 * it. Asked for in the pipeline's second phase, apart from the snapshot (lib/snapshot/a11y-generated.ts).
 */
export const generatedCodeSchema = z.strictObject({ html: str(A11Y_LIMITS.generatedHtml), cut: z.boolean() });
export type GeneratedCode = z.infer<typeof generatedCodeSchema>;
// ── end of the accessibility facts ──────────────────────────────────────────────────────────────────────────

export const pageSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  url: url,
  title: shortText,
  lang: str(40),
  /** When the snapshot was taken (ms since epoch). */
  capturedAt: z.number(),
  doctype: str(100),
  viewport: str(500),
  meta: z.array(metaSchema).max(LIMITS.meta),
  linkTags: z.array(linkTagSchema).max(LIMITS.linkTags),
  jsonLd: z.array(str(100_000)).max(LIMITS.jsonLd),
  microdata: z.array(microdataSchema).max(LIMITS.microdata),
  rdfa: z.array(rdfaSchema).max(LIMITS.rdfa),
  times: z.array(timeSchema).max(LIMITS.times),
  links: z.array(linkSchema).max(LIMITS.links),
  forms: z.array(formSchema).max(LIMITS.forms),
  buttons: z.array(buttonSchema).max(LIMITS.buttons),
  scripts: z.array(scriptSchema).max(LIMITS.scripts),
  inlineScripts: z.array(inlineScriptSchema).max(LIMITS.inlineScripts),
  iframes: z.array(iframeSchema).max(LIMITS.iframes),
  images: z.array(imageSchema).max(LIMITS.images),
  media: z.array(mediaSchema).max(LIMITS.media),
  marked: z.array(markedElementSchema).max(LIMITS.marked),
  textSignals: z.array(textSignalSchema).max(LIMITS.textSignals),
  resources: z.array(resourceSchema).max(LIMITS.resources),
  storage: z.object({
    cookieNames: z.array(str(300)).max(500),
    localStorageKeys: z.number(),
    sessionStorageKeys: z.number(),
  }),
  /** What the gather could not see or had to cut, said to the person. */
  limits: z.object({
    elementCount: z.number(),
    truncated: z.array(str(40)).max(50),
    /** The resource-timing buffer was full: later resources are missing. */
    resourceBufferFull: z.boolean(),
    /** Cross-origin frames whose own content and requests cannot be read. */
    crossOriginFrames: z.number(),
    /** Closed shadow roots cannot be read; open ones are walked. */
    shadowRoots: z.number(),
    gatherMs: z.number(),
    /** Elements whose reading failed: each is skipped, the rest of the snapshot stands. */
    unreadElements: z.number().optional(),
    /** The first such failure, as the browser said it. */
    unreadReason: str(300).optional(),
    /** Elements that fetched something are missing from the resource timeline: the page cleared it. */
    timelineCleared: z.boolean().optional(),
    /** Set by the extension when the tab's address changed between the request and the gather. */
    navigatedFrom: url.optional(),
    /**
     * The gather reached its time budget (lib/snapshot/limits.ts GATHER_BUDGET_MS) and stopped: `elements` were read of
     * the document's `total`; `a11y` when the accessibility facts were not read (their rules saw nothing).
     */
    notReached: z.object({ budgetMs: z.number(), elements: z.number(), total: z.number(), a11y: z.boolean() }).optional(),
    /** The document's media type (document.contentType). */
    contentType: str(200).optional(),
    /** Same-origin frames walked with the page. */
    sameOriginFrames: z.number().optional(),
    /** Set by the extension: requests the browser's own log held and the page's timeline did not (headless audit). */
    browserLog: z.object({ added: z.number(), thirdPartyHosts: z.array(str(253)).max(20) }).optional(),
  }),
  a11y: a11yFactsSchema,
});
export type PageSnapshot = z.infer<typeof pageSnapshotSchema>;


import { Window } from 'happy-dom';
import { collectGeneratedHtml } from '../../lib/snapshot/a11y-generated';
import { collectSnapshot, type CollectOptions } from '../../lib/snapshot/collect';
import { generatedCodeSchema, pageSnapshotSchema, type GeneratedCode, type PageSnapshot } from '../../lib/snapshot/schema';

/**
 * Runs the real gather on an HTML string in happy-dom and parses the result with the snapshot schema, as the
 * extension does. happy-dom has no layout: rects are zero, so "hidden" is not meaningful here (e2e covers it).
 */
export async function snapshotFromHtml(
  html: string,
  url = 'https://www.editeur-exemple.fr/ressource',
  /** Lets a test play the page's part on the parsed document (shadow a member, break a getter) before the gather. */
  prepare: (doc: Document) => void = () => {},
  /** The gather's options beyond the test's clock and yields (a budget). */
  options: CollectOptions = {},
): Promise<PageSnapshot> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true } } });
  const g = globalThis as Record<string, unknown>;
  const saved = { Node: g.Node, NodeFilter: g.NodeFilter, ShadowRoot: g.ShadowRoot, HTMLAnchorElement: g.HTMLAnchorElement, CSS: g.CSS };
  for (const k of ['Node', 'NodeFilter', 'ShadowRoot', 'HTMLInputElement', 'HTMLSelectElement', 'HTMLTextAreaElement', 'HTMLImageElement', 'HTMLFormElement']) {
    g[k] = (window as unknown as Record<string, unknown>)[k];
  }
  g.CSS ??= { escape: (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => '\\' + c) };
  try {
    window.document.write(html);
    prepare(window.document as unknown as Document);
    const snap = await collectSnapshot(window.document as unknown as Document, { now: () => 0, yieldToPage: async () => {}, ...options });
    return pageSnapshotSchema.parse(snap);
  } finally {
    Object.assign(g, saved);
    await window.happyDOM.close();
  }
}

/**
 * The page's generated code as the extension asks for it in the second phase (RGAA 8.2's artifact), from the same
 * HTML parsed by happy-dom (no script runs), parsed by its schema as the pipeline does.
 */
export async function generatedFromHtml(html: string, url = 'https://www.editeur-exemple.fr/ressource'): Promise<GeneratedCode> {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  try {
    window.document.write(html);
    return generatedCodeSchema.parse(collectGeneratedHtml(window.document as unknown as Document));
  } finally {
    await window.happyDOM.close();
  }
}

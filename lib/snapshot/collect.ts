import { collectA11yFacts } from './a11y-facts';
import { emptySnapshot } from './empty';
import { clip, createRefMaker, labelOf } from './node-ref';
import { LIMITS } from './limits';
import { readResources, type ResourceWindow } from './resource-observer';
import type { PageSnapshot } from './schema';
import { MARKED_SELECTORS } from './selectors';
import { TEXT_PATTERNS } from './text-patterns';

// The gather: the only module that reads the live DOM. One walk over elements and text nodes (open shadow roots
// included) fills every list of the snapshot; it yields to the page every SLICE_MS so a huge page stays responsive.
// It records where things are and what they say; it never judges.

const SLICE_MS = 30;
const NOT_SPACE = /\S/;
const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const ANY_TEXT_PATTERN = new RegExp(Object.values(TEXT_PATTERNS).map((r) => r.source).join('|'), 'i');
const MARKED = Object.entries(MARKED_SELECTORS).flatMap(([kind, sels]) => sels.map((sel) => ({ kind, sel })));
const MARKED_ANY = MARKED.map((m) => m.sel).join(',');
// Ids and classes are indexed by the browser; attribute selectors make it test every element (npm run bench: the
// full list in one scan cost 1.5× the bare walk, the attribute ones alone 0.3×).
const INDEXED = MARKED.map((m) => m.sel).filter((sel) => /^[#.][\w-]+$|^[a-z-]+(\.[\w-]+)?$/.test(sel));
const BY_QUERY = ['[itemprop]', '[property]:not(meta)', ...MARKED.map((m) => m.sel).filter((sel) => !INDEXED.includes(sel))].join(',');
const MARKED_BY_KIND = Object.fromEntries(Object.entries(MARKED_SELECTORS).map(([kind, sels]) => [kind, sels.join(',')]));

export interface CollectOptions {
  /** Clock, injectable for tests. */
  now?: () => number;
  /** Let the page breathe between slices; tests may pass a no-op. */
  yieldToPage?: () => Promise<void>;
}

const defaultYield = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function collectSnapshot(doc: Document, opts: CollectOptions = {}): Promise<PageSnapshot> {
  const started = performance.now();
  const yieldToPage = opts.yieldToPage ?? defaultYield;
  const refs = createRefMaker();
  const truncated = new Set<string>();
  const snap = emptySnapshot({
    url: doc.location?.href ?? doc.URL,
    title: clip(doc.title, 500),
    lang: clip(doc.documentElement.getAttribute('lang') ?? '', 40),
    capturedAt: (opts.now ?? Date.now)(),
    doctype: doc.doctype ? doc.doctype.name : '',
  });

  /** Whether a list has room: checked before building an item, so a huge page does not pay for what is cut. */
  const room = (key: keyof typeof LIMITS): boolean => {
    if ((snap[key] as unknown[]).length < LIMITS[key]) return true;
    truncated.add(key);
    return false;
  };
  const push = <K extends keyof typeof LIMITS>(key: K, item: PageSnapshot[K][number]) => {
    const list = snap[key] as unknown[];
    if (list.length < LIMITS[key]) list.push(item);
    else truncated.add(key);
  };

  const orphanInputs: HTMLInputElement[] = [];
  const roots: Node[] = [doc.documentElement];
  const walkedRoots: (Document | ShadowRoot)[] = [doc];
  let sliceStart = performance.now();
  let count = 0;

  while (roots.length > 0) {
    const root = roots.shift()!;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        visitText(node as Text);
        continue;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      const el = node as Element;
      count++;
      visitElement(el);
      if (el.shadowRoot) {
        snap.limits.shadowRoots++;
        roots.push(el.shadowRoot);
        walkedRoots.push(el.shadowRoot);
      }
      if ((count & 1023) === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
  }
  snap.limits.elementCount = count;
  for (const root of walkedRoots) collectByQuery(root);
  collectVirtualForms(orphanInputs);
  collectResources();
  collectStorage();
  // Accessibility facts: their own pass, apart from the walk above (lib/snapshot/a11y-facts.ts), yielding as it does.
  snap.a11y = await collectA11yFacts(doc, refs, async () => {
    if (performance.now() - sliceStart <= SLICE_MS) return;
    await yieldToPage();
    sliceStart = performance.now();
  });
  snap.limits.truncated = [...truncated];
  snap.limits.gatherMs = Math.round(performance.now() - started);
  return snap;

  function visitText(text: Text) {
    const data = text.data;
    if (data.length < 2 || data.length > 2000) return;
    // Indentation between tags is half the text nodes of a page, and the patterns' leading \s* would make the
    // regex try every one of its positions.
    if (data.charCodeAt(0) <= 32 && !NOT_SPACE.test(data)) return;
    const parent = text.parentElement;
    if (!parent || SKIP_TEXT.has(parent.tagName)) return;
    if (!ANY_TEXT_PATTERN.test(data) || !room('textSignals')) return;
    for (const [pattern, re] of Object.entries(TEXT_PATTERNS)) {
      if (!re.test(data)) continue;
      // The parent's text gives context ("Mis à jour le" + <time>): bounded so a huge container costs little.
      const context = (parent.textContent ?? data).slice(0, 600);
      // Only an ad label's position matters (is it on screen?); other texts skip the layout query.
      push('textSignals', { pattern, text: clip(context, 300), ref: refs.ref(parent, { label: data, geometry: pattern === 'ad-label' }) });
    }
  }

  function visitElement(el: Element) {
    switch (el.localName) {
      case 'a':
      case 'area': {
        if (!room('links')) break;
        const href = (el as HTMLAnchorElement).href;
        if (!href) break;
        const img = el.querySelector('img');
        push('links', {
          href: clip(href, 4096),
          text: clip(el.textContent ?? '', 500),
          title: clip(el.getAttribute('title') ?? '', 500),
          ariaLabel: clip(el.getAttribute('aria-label') ?? '', 500),
          rel: clip(el.getAttribute('rel') ?? '', 200),
          imgAlt: clip(img?.alt ?? '', 500),
          imgSrc: clip(img?.src ?? '', 4096),
          ref: refs.ref(el, { geometry: false }),
        });
        break;
      }
      case 'form':
        collectForm(el as HTMLFormElement);
        break;
      case 'input': {
        const input = el as HTMLInputElement;
        if (!input.form && /^(password|email|text|date|tel)$/.test(input.type)) orphanInputs.push(input);
        if (input.type === 'submit' || input.type === 'button') push('buttons', { text: clip(input.value, 500), ref: refs.ref(el) });
        break;
      }
      case 'button':
        if (room('buttons')) push('buttons', { text: clip(labelOf(el), 500), ref: refs.ref(el) });
        break;
      case 'script': {
        const s = el as HTMLScriptElement;
        if (s.src) push('scripts', { src: clip(s.src, 4096), type: clip(s.type, 100), ref: refs.ref(el) });
        else if (s.type === 'application/ld+json') push('jsonLd', (s.textContent ?? '').slice(0, 100_000));
        else if (s.textContent) push('inlineScripts', { head: s.textContent.trim().slice(0, 400) });
        break;
      }
      case 'iframe':
      case 'frame': {
        const f = el as HTMLIFrameElement;
        let crossOrigin = false;
        try {
          crossOrigin = f.contentDocument === null;
        } catch {
          crossOrigin = true;
        }
        if (crossOrigin) snap.limits.crossOriginFrames++;
        push('iframes', {
          src: clip(f.src, 4096),
          title: clip(f.title, 500),
          name: clip(f.name, 200),
          ref: refs.ref(el),
        });
        break;
      }
      case 'img': {
        if (!room('images')) break;
        const img = el as HTMLImageElement;
        push('images', {
          src: clip(img.currentSrc || img.src, 4096),
          alt: clip(img.getAttribute('alt') ?? '', 500),
          title: clip(img.title, 500),
          width: img.naturalWidth || img.width,
          height: img.naturalHeight || img.height,
          ref: refs.ref(el, { geometry: false }),
        });
        break;
      }
      case 'video':
      case 'audio': {
        const m = el as HTMLMediaElement;
        push('media', {
          tag: el.localName as 'video' | 'audio',
          src: clip(m.currentSrc || m.src || (el.querySelector('source') as HTMLSourceElement | null)?.src || '', 4096),
          autoplay: m.autoplay,
          muted: m.muted,
          controls: m.controls,
          tracks: Array.from(el.querySelectorAll('track')).slice(0, 50).map((t) => ({
            kind: clip(t.kind, 40),
            srclang: clip(t.srclang, 40),
            label: clip(t.label, 500),
          })),
          ref: refs.ref(el),
        });
        break;
      }
      case 'meta': {
        const name = el.getAttribute('name') ?? el.getAttribute('http-equiv') ?? '';
        const property = el.getAttribute('property') ?? el.getAttribute('itemprop') ?? '';
        const content = el.getAttribute('content') ?? '';
        if (name.toLowerCase() === 'viewport') snap.viewport = clip(content, 500);
        push('meta', { name: clip(name, 200), property: clip(property, 200), content: clip(content, 2000) });
        break;
      }
      case 'link': {
        const l = el as HTMLLinkElement;
        if (l.href) push('linkTags', { rel: clip(l.rel, 200), href: clip(l.href, 4096), type: clip(l.type, 100) });
        break;
      }
    }
  }

  /**
   * Attribute-driven lists (microdata, RDFa, known containers) come from the browser's own selector engine, once
   * per root: testing five attributes and two regexes on every element in the walk cost ~3× the walk itself.
   * One scan for the attribute selectors, indexed look-ups for ids and classes.
   */
  function collectByQuery(root: Document | ShadowRoot) {
    const candidates = new Set<Element>();
    for (const el of Array.from(root.querySelectorAll(BY_QUERY))) {
      if (el.hasAttribute('itemprop') && room('microdata')) {
        const scope = el.closest('[itemscope]');
        push('microdata', {
          itemprop: clip(el.getAttribute('itemprop') ?? '', 200),
          itemtype: clip(scope?.getAttribute('itemtype') ?? '', 300),
          value: clip(el.localName === 'meta' ? (el.getAttribute('content') ?? '') : itemValue(el), 1000),
          ref: refs.ref(el),
        });
      }
      if (el.localName !== 'meta' && el.hasAttribute('property') && room('rdfa')) {
        push('rdfa', { property: clip(el.getAttribute('property') ?? '', 200), value: clip(itemValue(el), 1000), ref: refs.ref(el) });
      }
      if (el.matches(MARKED_ANY)) candidates.add(el);
    }
    for (const sel of INDEXED) for (const el of indexedQuery(root, sel)) candidates.add(el);
    for (const el of candidates) markIfKnown(el);
  }

  function indexedQuery(root: Document | ShadowRoot, sel: string): Iterable<Element> {
    if (root.nodeType === Node.DOCUMENT_NODE) {
      const doc = root as Document;
      if (sel[0] === '#') {
        const el = doc.getElementById(sel.slice(1));
        return el ? [el] : [];
      }
      if (sel[0] === '.') return Array.from(doc.getElementsByClassName(sel.slice(1)));
    }
    return Array.from(root.querySelectorAll(sel));
  }

  function markIfKnown(el: Element) {
    const hit = MARKED.find((m) => el.matches(m.sel))!;
    // A banner's nested containers often match too: keep the outermost.
    if (el.parentElement?.closest(MARKED_BY_KIND[hit.kind]!)) return;
    push('marked', {
      kind: hit.kind,
      matched: hit.sel,
      tag: el.localName,
      id: clip(el.id, 200),
      className: clip(el.getAttribute('class') ?? '', 300),
      text: clip((el.textContent ?? '').slice(0, 1000), 500),
      ...(hit.kind === 'consent' ? { controls: controlsOf(el) } : {}),
      ref: refs.ref(el),
    });
  }

  /** Texts of the buttons and links inside a consent banner (open shadow root included): is "Refuser" offered? */
  function controlsOf(el: Element): string[] {
    const sel = 'button, a, [role="button"], input[type="button"], input[type="submit"]';
    const found = [...Array.from(el.querySelectorAll(sel)), ...Array.from(el.shadowRoot?.querySelectorAll(sel) ?? [])];
    return found
      .map((b) => clip(b instanceof HTMLInputElement ? b.value : labelOf(b), 200))
      .filter(Boolean)
      .slice(0, 40);
  }

  function collectForm(form: HTMLFormElement) {
    const fields = Array.from(form.elements)
      .filter((e): e is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement => e instanceof HTMLInputElement || e instanceof HTMLSelectElement || e instanceof HTMLTextAreaElement)
      .slice(0, 200);
    push('forms', {
      action: clip(form.action, 4096),
      method: clip(form.method, 20),
      id: clip(form.id, 200),
      className: clip(form.getAttribute('class') ?? '', 300),
      heading: headingFor(form),
      submitTexts: submitTextsOf(form),
      fields: fields.map(fieldOf),
      virtual: false,
      ref: refs.ref(form, { label: headingFor(form) || form.id || form.getAttribute('name') || 'form' }),
    });
  }

  /** Sign-up pages built without a <form> element: group orphan inputs by the nearest container holding a button. */
  function collectVirtualForms(inputs: HTMLInputElement[]) {
    const seen = new Set<Element>();
    for (const input of inputs) {
      let box: Element | null = input.parentElement;
      for (let depth = 0; box && depth < 6; depth++, box = box.parentElement) {
        if (box.querySelector('button, input[type="submit"], [role="button"]') && box.querySelectorAll('input').length >= 1) break;
      }
      if (!box || seen.has(box) || box === doc.body || box === doc.documentElement) continue;
      seen.add(box);
      const fields = Array.from(box.querySelectorAll('input, select, textarea')).slice(0, 200) as HTMLInputElement[];
      // Keep groups that ask for an identity: a password, an e-mail (often a plain text input), a phone number.
      if (!fields.some((f) => f.type === 'password' || f.type === 'email' || f.type === 'tel' || /mail|username|tel/i.test(`${f.name} ${f.id} ${f.getAttribute('autocomplete') ?? ''}`))) continue;
      push('forms', {
        action: '',
        method: '',
        id: clip(box.id, 200),
        className: clip(box.getAttribute('class') ?? '', 300),
        heading: headingFor(box),
        submitTexts: submitTextsOf(box),
        fields: fields.map(fieldOf),
        virtual: true,
        ref: refs.ref(box, { label: headingFor(box) || 'form' }),
      });
    }
  }

  function collectResources() {
    const win = doc.defaultView;
    if (!win?.performance) return;
    // Browsers keep 250 entries by default and then drop the rest (W3C Resource Timing): an observer keeps more.
    const { entries, bufferFull } = readResources(win as unknown as ResourceWindow, LIMITS.resources);
    snap.limits.resourceBufferFull = bufferFull;
    for (const e of entries) {
      push('resources', {
        url: clip(e.name, 4096),
        initiatorType: clip(e.initiatorType, 40),
        transferSize: e.transferSize ?? 0,
        encodedBodySize: e.encodedBodySize ?? 0,
        startTime: Math.round(e.startTime),
      });
    }
  }

  function collectStorage() {
    try {
      snap.storage.cookieNames = doc.cookie
        .split(';')
        .map((c) => clip(c.split('=')[0] ?? '', 300))
        .filter(Boolean)
        .slice(0, 500);
    } catch {
      // Sandboxed documents throw on document.cookie.
    }
    try {
      snap.storage.localStorageKeys = doc.defaultView?.localStorage.length ?? 0;
      snap.storage.sessionStorageKeys = doc.defaultView?.sessionStorage.length ?? 0;
    } catch {
      // Storage can be disabled for the page.
    }
  }

  function fieldOf(f: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement) {
    const label = f.labels?.[0]?.textContent ?? '';
    return {
      tag: f.localName,
      type: clip(f instanceof HTMLInputElement ? f.type : f.localName, 40),
      name: clip(f.name, 200),
      id: clip(f.id, 200),
      autocomplete: clip(f.getAttribute('autocomplete') ?? '', 100),
      placeholder: clip(f.getAttribute('placeholder') ?? '', 500),
      label: clip(label, 500),
      ariaLabel: clip(f.getAttribute('aria-label') ?? '', 500),
      required: f.required,
      hidden: (f instanceof HTMLInputElement && f.type === 'hidden') || (typeof f.checkVisibility === 'function' && !f.checkVisibility()),
    };
  }

  function submitTextsOf(scope: Element): string[] {
    const out: string[] = [];
    for (const b of Array.from(scope.querySelectorAll('button, input[type="submit"], input[type="button"], input[type="image"], [role="button"]')).slice(0, 20)) {
      const text = b instanceof HTMLInputElement ? b.value || b.alt : labelOf(b);
      if (text.trim()) out.push(clip(text, 500));
    }
    return out;
  }

  function headingFor(scope: Element): string {
    const inside = scope.querySelector('h1, h2, h3, h4, legend, [role="heading"]');
    if (inside) return clip(inside.textContent ?? '', 500);
    const near = scope.parentElement?.querySelector('h1, h2, h3, h4, [role="heading"]');
    return clip(near?.textContent ?? '', 500);
  }
}

function itemValue(el: Element): string {
  return (
    el.getAttribute('content') ??
    el.getAttribute('href') ??
    el.getAttribute('resource') ??
    el.getAttribute('src') ??
    el.getAttribute('datetime') ??
    (el.textContent ?? '').slice(0, 1000)
  );
}


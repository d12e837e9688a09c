import { describe, expect, it } from 'vitest';
import { readResources, type ResourceEntryLike, type ResourceWindow } from '../../lib/snapshot/resource-observer';

// A page whose resource-timing buffer holds `buffer` and whose observer callback the test fires by hand.
function fakePage(buffer: ResourceEntryLike[]) {
  const observers: { cb: (list: { getEntries(): unknown[] }) => void; options?: unknown }[] = [];
  const win: ResourceWindow = {
    performance: { getEntriesByType: (type) => (type === 'resource' ? buffer.slice(0, 250) : []) },
    PerformanceObserver: class {
      constructor(private cb: (list: { getEntries(): unknown[] }) => void) {}
      observe(options: unknown) {
        observers.push({ cb: this.cb, options });
      }
    },
  };
  const deliver = (entries: ResourceEntryLike[]) => observers.forEach((o) => o.cb({ getEntries: () => entries }));
  return { win, observers, deliver };
}
const entry = (i: number, host = 'www.example.fr'): ResourceEntryLike => ({ name: `https://${host}/r${i}`, initiatorType: 'img', transferSize: 10, encodedBodySize: 10, startTime: i });

describe('resource observer', () => {
  it('keeps the entries that arrive after the first inspection, beyond the 250-entry buffer', () => {
    const first = Array.from({ length: 250 }, (_, i) => entry(i));
    const page = fakePage(first);
    const a = readResources(page.win, 5000);
    expect(a.entries).toHaveLength(250);
    expect(a.bufferFull).toBe(true);
    expect(page.observers).toEqual([{ cb: expect.any(Function), options: { type: 'resource', buffered: true } }]);
    // The buffered delivery repeats the first 250; then a tracker and 40 images load while the panel is open.
    page.deliver(first);
    page.deliver([entry(300, 'www.google-analytics.com'), ...Array.from({ length: 40 }, (_, i) => entry(400 + i))]);
    const b = readResources(page.win, 5000);
    expect(b.entries).toHaveLength(291);
    expect(b.entries.map((e) => e.name)).toContain('https://www.google-analytics.com/r300');
    // Installed once per page, whatever the number of inspections.
    expect(page.observers).toHaveLength(1);
  });

  it('does not call a buffer full when the observer started early, and caps what it keeps', () => {
    const page = fakePage([entry(1)]);
    expect(readResources(page.win, 100).bufferFull).toBe(false);
    page.deliver(Array.from({ length: 500 }, (_, i) => entry(10 + i)));
    const r = readResources(page.win, 100);
    expect(r.entries).toHaveLength(100);
    expect(r.bufferFull).toBe(false);
  });

  it('reads the buffer alone when the engine has no PerformanceObserver', () => {
    const r = readResources({ performance: { getEntriesByType: () => [entry(1), entry(2)] } }, 10);
    expect(r.entries.map((e) => e.startTime)).toEqual([1, 2]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, expect, panelResult, test } from './fixtures';

// The rules of issue 26 read computed styles and style sheets: happy-dom (the unit tests) is not Chromium. Each rule's
// fixture pair runs here through the built extension, and must give in the real browser what its expectation says.

const RULES = ['a11y-alt-text', 'a11y-justified-text', 'a11y-tiny-text', 'a11y-css-blink', 'a11y-presentation-markup', 'a11y-table-cells', 'a11y-focus-trap'];

for (const rule of RULES) {
  test(`${rule}: its fixture pair gives in Chromium what it gives in the unit tests`, async ({ loupe, server, openPanel }) => {
    for (const name of ['flag', 'none']) {
      const spec = JSON.parse(readFileSync(join(FIXTURES, rule, `${name}.expect.json`), 'utf8')) as { expect: Record<string, { key: string; severity: string; selectors?: string[] }[]> };
      const page = await loupe.context.newPage();
      await page.goto(`${server.origin}/${rule}/${name}.html`);
      const panel = await openPanel(page);
      await expect(panel.locator('main[data-a11y="done"]')).toBeVisible();
      const { result } = await panelResult(panel);
      expect(result.ok).toBe(true);
      const found = result.ok ? result.evaluation.findings.filter((f) => f.detector === rule) : [];
      const wanted = spec.expect[rule]!;
      expect(found.map((f) => `${f.id} ${f.severity}`).sort(), `${rule}/${name}`).toEqual(wanted.map((w) => `${rule}/${w.key} ${w.severity}`).sort());
      for (const w of wanted) {
        const f = found.find((x) => x.id === `${rule}/${w.key}`)!;
        if (w.selectors) expect(f.evidence.map((e) => e.selector)).toEqual(expect.arrayContaining(w.selectors));
      }
      await panel.close();
      await page.close();
    }
  });
}

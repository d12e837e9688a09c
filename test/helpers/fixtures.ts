import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

// Fixture pages: test/fixtures/pages/<detector-id>/<case>.html with <case>.expect.json beside it.
// The expectation is exhaustive for every detector it names: an unexpected finding fails the test.

export const PAGES_DIR = resolve(import.meta.dirname, '../fixtures/pages');

export const expectFileSchema = z.object({
  /** The address the page is given in the test (first vs third party depends on it). */
  url: z.string().url().default('https://www.editeur-exemple.fr/ressource'),
  why: z.string().optional(),
  /** The real-page pattern (issue 15) the page reproduces; scripts/eval/pages.ts counts these pages apart. */
  pattern: z.string().optional(),
  expect: z.record(
    z.string(),
    z.array(
      z.object({
        key: z.string(),
        severity: z.enum(['blocking', 'problem', 'review', 'info']),
        /** Selectors the finding's evidence must include (in any order). */
        selectors: z.array(z.string()).optional(),
        /** Fields of finding.data that must match. */
        data: z.record(z.string(), z.unknown()).optional(),
      }),
    ),
  ),
});
export type ExpectFile = z.infer<typeof expectFileSchema>;

export interface FixtureCase {
  name: string;
  html: string;
  expect: ExpectFile;
}

export function listFixtures(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const dir of readdirSync(PAGES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(join(PAGES_DIR, dir.name))) {
      if (!file.endsWith('.html')) continue;
      const base = join(PAGES_DIR, dir.name, file.replace(/\.html$/, ''));
      if (!existsSync(base + '.expect.json')) throw new Error(`${base}.html has no .expect.json`);
      out.push({
        name: `${dir.name}/${file}`,
        html: readFileSync(base + '.html', 'utf8'),
        expect: expectFileSchema.parse(JSON.parse(readFileSync(base + '.expect.json', 'utf8'))),
      });
    }
  }
  return out;
}

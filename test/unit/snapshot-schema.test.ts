import { describe, expect, it } from 'vitest';
import { pageSnapshotSchema } from '../../lib/snapshot/schema';
import { makeSnapshot } from '../helpers/make-snapshot';

describe('pageSnapshotSchema (the page → extension boundary)', () => {
  it('accepts a well-formed snapshot', () => {
    expect(pageSnapshotSchema.safeParse(makeSnapshot()).success).toBe(true);
  });

  it('refuses what a hostile page could send instead', () => {
    const bad = [
      null,
      'snapshot',
      { ...makeSnapshot(), schemaVersion: 2 },
      { ...makeSnapshot(), links: 'many' },
      { ...makeSnapshot(), title: 'x'.repeat(10_000) },
      { ...makeSnapshot(), links: Array.from({ length: 5001 }, () => makeSnapshot().links[0]) },
      { ...makeSnapshot(), storage: { cookieNames: [1], localStorageKeys: 0, sessionStorageKeys: 0 } },
    ];
    for (const b of bad) expect(pageSnapshotSchema.safeParse(b).success).toBe(false);
  });
});

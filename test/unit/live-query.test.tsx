// @vitest-environment happy-dom
import { ok, useFakeIndexedDb } from '../support/fake-indexeddb';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { useLiveQuery } from '../../components/use-live-query';
import { LoupeDb } from '../../lib/storage/db';
import { deleteEvaluation, listSummaries, saveEvaluation } from '../../lib/storage/evaluations';
import { generateEvaluations } from '../support/evaluations';

// The hook the dashboard and "Mes évaluations" read the database through: it shows what is stored, then follows
// every write without a reload, and stops reading once the page is gone. On fake-indexeddb.

let db: LoupeDb;
useFakeIndexedDb(() => (db = new LoupeDb('loupe-live-query-test')));

function Count({ onRead }: { onRead: () => void }) {
  const listing = useLiveQuery(async () => {
    onRead();
    const r = await Promise.all([listSummaries(db)]);
    return r[0];
  }, []);
  return <p>{listing === undefined ? 'reading' : listing.ok ? `${listing.value.summaries.length} evaluations` : 'error'}</p>;
}

const shows = async (root: HTMLElement, text: string) => vi.waitFor(() => expect(root.textContent).toBe(text), { timeout: 3000 });

describe('useLiveQuery', () => {
  it('shows the stored evaluations and follows each write, and no more once unmounted', async () => {
    const [a, b] = generateEvaluations(2);
    ok(await saveEvaluation(db, a!, 'done', 1));
    const root = document.createElement('div');
    const onRead = vi.fn();
    render(<Count onRead={onRead} />, root);
    expect(root.textContent).toBe('reading');
    await shows(root, '1 evaluations');
    ok(await saveEvaluation(db, b!, 'done', 2));
    await shows(root, '2 evaluations');
    ok(await deleteEvaluation(db, a!.id));
    await shows(root, '1 evaluations');

    render(null, root);
    const reads = onRead.mock.calls.length;
    ok(await saveEvaluation(db, a!, 'done', 3));
    await new Promise((r) => setTimeout(r, 200));
    expect(onRead.mock.calls.length).toBe(reads);
  });
});

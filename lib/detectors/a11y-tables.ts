import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import type { PageSnapshot } from '../snapshot/schema';
import { defineDetector } from './types';
import type { DetectorOutput } from '../model/finding';
import { count, type MessageKey } from '../model/message';

// RGAA 5 (WCAG 1.3.1): a data table is read cell by cell with its headers; without header cells a screen reader
// reads a stream of numbers. A layout table must not carry header markup (5.8), else it is announced as data.
// A table with no header cells and nothing else saying it holds data may be either: a person tells. So does a
// layout table whose only data-table markup is scope or headers on its cells: invisible, and inert once the table is
// presentational, but a sign that it may hold data after all (RGAA 5.8.1 counts it, the question is which fix).

type Table = PageSnapshot['a11y']['tables'][number];
const LAYOUT = /^(presentation|none)$/;
/** Markup that shows a data table to the eye (caption, header cells) while the code says layout. */
const headerMarkup = (t: Table) => t.th > 0 || t.roleHeaders > 0 || t.caption !== '' || t.thead || t.summary;
const describe = (t: Table) => `${t.rows} × ${t.cols}${t.caption ? ` — « ${t.caption} »` : ''}`;

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yTablesData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yTables = defineDetector({
  id: 'a11y-tables',
  category: 'accessibility',
  data: a11yTablesData,
  requires: ['a11y'],
  run(snapshot) {
    const tables = snapshot.a11y.tables;
    const layout = tables.filter((t) => LAYOUT.test(t.role.trim()) && headerMarkup(t));
    const layoutCells = tables.filter((t) => LAYOUT.test(t.role.trim()) && !headerMarkup(t) && t.scopeOrHeaders);
    const data = tables.filter((t) => !LAYOUT.test(t.role.trim()) && !t.nested && t.rows >= 2 && t.cols >= 2 && t.th === 0 && t.roleHeaders === 0);
    // A caption, a summary or a thead says the author meant data: then the missing headers are a fault.
    const meant = data.filter((t) => t.caption !== '' || t.summary || t.thead);
    const unsure = data.filter((t) => !meant.includes(t));
    const out: DetectorOutput[] = [];
    const push = (key: string, severity: 'problem' | 'review', messageKey: MessageKey, list: Table[], rgaa: string[]) => {
      if (list.length === 0) return;
      out.push({
        key,
        severity,
        messageKey,
        params: [count(list.length)],
        evidence: list.map((t) => elementEvidence(t.ref, describe(t))),
        data: { wcag: ['1.3.1'], rgaa, users: ['blind'], count: list.length },
      });
    };
    push('data-without-headers', 'problem', 'a11yTables_noHeaders', meant, ['5.6', '5.7']);
    push('headers-unknown', 'review', 'a11yTables_unsure', unsure, ['5.3', '5.6']);
    push('layout-with-headers', 'problem', 'a11yTables_layoutHeaders', layout, ['5.8']);
    push('layout-cell-headers', 'review', 'a11yTables_layoutCells', layoutCells, ['5.8', '5.3']);
    return out;
  },
});

import { z } from 'zod';
import { a11yFacts } from '../a11y/users';
import { elementEvidence } from '../findings/evidence';
import { defineDetector } from './types';
import { count } from '../model/message';

// A data table whose rows have different numbers of columns (colspan and rowspan counted) breaks the HTML table
// model: a screen reader announces « column 3 of 2 », or ties a cell to the wrong header (RGAA 5.7, association
// of cells and headers; 8.2, the validator's « table row was N columns wide »). Counted from the markup: decided.
// Layout tables (role=presentation) are read as plain content and are left out.

/** What this detector's findings carry in `data` (validated by the runner and the export). */
export const a11yTableCellsData = z.strictObject({ ...a11yFacts, count: z.number() });

export const a11yTableCells = defineDetector({
  id: 'a11y-table-cells',
  category: 'accessibility',
  data: a11yTableCellsData,
  requires: ['a11y'],
  run(snapshot) {
    const ragged = snapshot.a11y.tables.filter(
      (t) => !/^(presentation|none)$/.test(t.role.trim()) && t.rows >= 2 && t.rowWidths !== undefined && t.rowWidths.min !== t.rowWidths.max,
    );
    if (ragged.length === 0) return [];
    return [
      {
        key: 'ragged',
        severity: 'problem',
        messageKey: 'a11yTableCells_ragged',
        params: [count(ragged.length)],
        evidence: ragged.map((t) => elementEvidence(t.ref, `${t.rowWidths!.min} ≠ ${t.rowWidths!.max}${t.caption ? ` — « ${t.caption} »` : ''}`)),
        data: { wcag: ['1.3.1'], rgaa: ['5.7', '8.2'], users: ['blind'], count: ragged.length },
      },
    ];
  },
});

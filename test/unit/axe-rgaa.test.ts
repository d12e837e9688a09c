import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { axeOutputs } from '../../lib/a11y/axe-findings';
import { AXE_RGAA, AXE_VERSION_MAPPED } from '../../lib/a11y/axe-rgaa';
import { axeRgaaEntry, axeRgaaTable } from '../../lib/a11y/axe-rgaa-build';
import { RGAA_CRITERIA } from '../../lib/a11y/rgaa-criteria';
import { LOUPE_RGAA_LINKS, NOT_RGAA } from '../../lib/a11y/rgaa-links';

// The axe rule → RGAA criterion → severity table (lib/a11y/axe-rgaa.ts) is generated; these tests keep it in step
// with the installed axe-core and say what the mapping decides.

describe('axe rule → RGAA 4.1.2 → severity', () => {
  it('is up to date with the installed axe-core (else: npx tsx scripts/gen-axe-rgaa.ts)', () => {
    expect(AXE_VERSION_MAPPED).toBe(axe.version);
    expect(AXE_RGAA).toEqual(axeRgaaTable(axe.getRules().map((r) => ({ id: r.ruleId, tags: r.tags }))));
  });

  it('makes a problem of every rule axe tags with an RGAA criterion, best practice or not', () => {
    expect(AXE_RGAA['image-alt']).toMatchObject({ rgaa: ['1.1'], via: 'axe-tag', severity: 'problem' });
    expect(AXE_RGAA['region']).toMatchObject({ rgaa: ['9.2'], via: 'axe-tag', severity: 'problem' });
    expect(AXE_RGAA['skip-link']).toMatchObject({ rgaa: ['12.7'], severity: 'problem' });
  });

  it('goes through the WCAG criteria RGAA cites when axe gives no RGAA tag', () => {
    expect(AXE_RGAA['audio-caption']).toMatchObject({ rgaa: ['4.1', '4.2'], via: 'wcag', severity: 'problem' });
    expect(AXE_RGAA['avoid-inline-spacing']).toMatchObject({ rgaa: ['10.12'], via: 'wcag' });
  });

  it('weighs the best practices a teacher never saw by the RGAA criterion they fail', () => {
    for (const id of ['empty-heading', 'heading-order', 'empty-table-header', 'image-redundant-alt', 'tabindex', 'presentation-role-conflict']) {
      expect(AXE_RGAA[id], id).toMatchObject({ via: 'loupe', severity: 'problem' });
    }
    expect(AXE_RGAA['heading-order']!.rgaa).toEqual(['9.1']);
    for (const [id, link] of Object.entries(LOUPE_RGAA_LINKS)) {
      expect(AXE_RGAA[id], `${id} is no longer an axe rule`).toBeDefined();
      for (const c of link.rgaa) expect(RGAA_CRITERIA[c], `${id}: ${c}`).toBeDefined();
    }
  });

  it('leaves AAA rules and best practices tied to nothing as information', () => {
    expect(AXE_RGAA['color-contrast-enhanced']).toMatchObject({ severity: 'info', rgaa: [] });
    expect(AXE_RGAA['identical-links-same-purpose']).toMatchObject({ severity: 'info' });
    expect(AXE_RGAA['landmark-one-main']).toMatchObject({ severity: 'info', via: 'none' });
    expect(AXE_RGAA['accesskeys']).toMatchObject({ severity: 'info' });
    // A WCAG 2.2 AA criterion that RGAA 4.1.2 does not cite is still a fault.
    expect(AXE_RGAA['target-size']).toMatchObject({ severity: 'problem', rgaa: [] });
  });

  it('never drops a violation of an axe rule that fails an RGAA criterion to information (every axe rule, run through the findings)', () => {
    const lost: string[] = [];
    const unread: string[] = [];
    for (const r of axe.getRules()) {
      const violation = { id: r.ruleId, impact: 'minor' as const, tags: r.tags, help: r.ruleId, nodeCount: 1, nodes: [{ target: ['p'], html: '<p>', failureSummary: '', impact: 'minor' as const }] };
      const [finding] = axeOutputs({ engine: 'axe-core', url: 'https://x.fr/', ms: 1, passes: 0, inapplicable: 0, violations: [violation], incomplete: [] });
      const rgaa = (finding!.data?.rgaa as string[]) ?? [];
      if (rgaa.length > 0 && finding!.severity !== 'problem') lost.push(`${r.ruleId} (${rgaa.join(', ')}) → ${finding!.severity}`);
      // A rule kept as information must have been read against the criteria and said so (lib/a11y/rgaa-links.ts).
      if (finding!.severity === 'info' && !NOT_RGAA[r.ruleId]) unread.push(r.ruleId);
    }
    expect(lost, 'violations of an RGAA criterion dropped to information').toEqual([]);
    expect(unread, 'axe rules kept as information without a reason in NOT_RGAA').toEqual([]);
    for (const id of Object.keys(NOT_RGAA)) expect(AXE_RGAA[id], `${id}: listed in NOT_RGAA`).toMatchObject({ severity: 'info', rgaa: [] });
    // The case that a published comparison caught: a role not allowed on an element is an RGAA fault.
    expect(AXE_RGAA['aria-allowed-role']).toMatchObject({ rgaa: ['7.1', '8.2'], severity: 'problem' });
    expect(AXE_RGAA['duplicate-id']).toMatchObject({ rgaa: ['8.2'], severity: 'problem' });
  });

  it('weighs a rule unknown to the table from the tags it arrives with', () => {
    expect(axeRgaaEntry('new-rule', ['wcag2a', 'wcag111', 'RGAA-1.1.1'])).toMatchObject({ rgaa: ['1.1'], severity: 'problem' });
    expect(axeRgaaEntry('new-practice', ['best-practice'])).toMatchObject({ rgaa: [], severity: 'info' });
  });
});

it('shows a best-practice failure tied to RGAA as a problem under its criterion, an untied one as information', () => {
  const rule = (id: string, tags: string[]) => ({ id, impact: 'moderate' as const, tags, help: id, nodeCount: 1, nodes: [{ target: ['h3'], html: '<h3>', failureSummary: '', impact: 'moderate' as const }] });
  const out = axeOutputs({ engine: 'axe-core', url: 'https://x.fr/', ms: 1, passes: 0, inapplicable: 0,
    violations: [rule('heading-order', ['cat.semantics', 'best-practice']), rule('landmark-one-main', ['cat.semantics', 'best-practice'])],
    incomplete: [rule('empty-table-header', ['best-practice'])] });
  expect(out.map((o) => `${o.key} ${o.severity} ${(o.data?.rgaa as string[] | undefined)?.join(',') ?? ''}`)).toEqual([
    'violation:heading-order problem 9.1',
    'violation:landmark-one-main info ',
    'incomplete:empty-table-header review 5.6',
    'summary info ',
  ]);
});

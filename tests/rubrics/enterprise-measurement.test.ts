/**
 * Measurement faults the audit found in the enterprise rubric 1.0, as checks on its content: each
 * finds the fault in the archived 1.0 file (so it can fail) and none in the current version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/lib/domain/assessment';
import { defaultTarget, listIndicators } from '../../src/lib/domain/rubric-index';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';

const load = (file: string) => loadRubricText(readFileSync(file, 'utf8'), file);
const v10 = load('rubrics/archive/gd-enterprise-maturity@1.0.0.yaml');
const current = load('rubrics/gd-enterprise-maturity.yaml');

const firm = (srdi: string): Profile => ({
	size: 'medium',
	sector: ['other-services'],
	ownership: 'private',
	srdi
});
const indicator = (rubric: Rubric, id: string) =>
	listIndicators(rubric).find((e) => e.indicator.id === id)!.indicator;

/** Each check returns what is wrong; an empty list means the fault is gone. */
const checks: [string, (r: Rubric) => string[]][] = [
	[
		'a provincial 专精特新 firm’s R&D target is not above the Guangdong bar the indicator cites',
		(r) => {
			const rnd = indicator(r, 'technology.rnd-intensity');
			const bar = rnd.metric!.references.find(
				(ref) => 'line' in ref.cite && ref.cite.line === 1005
			)!.value;
			const target = defaultTarget(r, rnd, firm('provincial'));
			const needed = rnd.metric!.thresholds[target - 1]!;
			return needed > bar ? [`target level ${target} needs ${needed}% > ${bar}%`] : [];
		}
	],
	[
		'the self-declared 创新型中小企业 status changes no target',
		(r) =>
			listIndicators(r)
				.filter(
					({ indicator: i }) =>
						defaultTarget(r, i, firm('innovative-sme')) !== defaultTarget(r, i, firm('none'))
				)
				.map(({ indicator: i }) => i.id)
	],
	[
		'statutory duties are not maturity levels',
		(r) =>
			listIndicators(r).flatMap(({ indicator: i }) =>
				i.levels
					.filter((l) => /2日内向工业和信息化部|明确数据安全负责人|向主管部门报送报告/.test(l.zh))
					.map(() => i.id)
			)
	],
	[
		'the duties binding every network operator apply to a firm with no flags',
		(r) => {
			const everyone = r.compliance.filter((c) => !c.appliesTo).map((c) => c.id);
			return ['vuln.intake-channel', 'vuln.operator-fix', 'dsl.data-security-management']
				.filter((id) => !everyone.includes(id))
				.map((id) => `${id} does not bind every firm`);
		}
	],
	[
		'each legal-duty flag selects compliance checks, each with its legal source',
		(r) => {
			const duties = r.profile.find((q) => q.id === 'duties');
			if (!duties) return ['no duties profile question'];
			return duties.options
				.filter((o) => !r.compliance.some((c) => c.appliesTo?.duties?.includes(o.id)))
				.map((o) => `flag ${o.id} selects no check`);
		}
	],
	[
		'energy and construction firms get their own sector module',
		(r) =>
			['energy', 'construction'].filter(
				(sector) =>
					!r.pillars.some((p) => p.domains.some((d) => d.appliesTo?.sector?.includes(sector)))
			)
	]
];

describe.each(checks)('enterprise rubric: %s', (_, check) => {
	it('finds the fault in 1.0', () => {
		expect(check(v10).length).toBeGreaterThan(0);
	});
	it('finds none in the current version', () => {
		expect(check(current)).toEqual([]);
	});
});

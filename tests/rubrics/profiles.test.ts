import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/lib/domain/assessment';
import { isInScope, listIndicators } from '../../src/lib/domain/rubric-index';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import { loadRubricText } from '../../src/lib/rubrics/loader';

const load = (id: string) => loadRubricText(readFileSync(`rubrics/${id}.yaml`, 'utf8'), id);
const city = load('gd-city-readiness');
const enterprise = load('gd-enterprise-maturity');

const sample = (rubric: typeof city, choices: Profile, seed: number) => {
	const a = createSampleAssessment(
		rubric,
		{
			id: `s${seed}`,
			subject: { id: 's', name: 'sample', kind: rubric.audience },
			profile: defaultProfile(rubric, choices),
			date: '2026-01-01'
		},
		seed
	);
	return { assessment: a, score: scoreAssessment(rubric, a) };
};

describe('city rubric by tier', () => {
	const tiers: [string, Profile][] = [
		['Guangzhou/Shenzhen', { level: 'prefecture', region: 'gz-sz' }],
		['other Pearl River Delta', { level: 'prefecture', region: 'prd' }],
		['east/west/north', { level: 'prefecture', region: 'ewn' }],
		['county', { level: 'county', region: 'ewn' }]
	];

	it.each(tiers)(
		'a sample for a %s city scores sensibly, with levels that differ',
		(_, profile) => {
			const { score } = sample(city, profile, 5);
			const levels = score.indicators.map((i) => i.level).filter((l) => l !== null);
			expect(new Set(levels).size).toBeGreaterThanOrEqual(3);
			expect(score.overall.score).toBeGreaterThan(10);
			expect(score.overall.score).toBeLessThan(95);
			expect(new Set(score.domains.map((d) => Math.round(d.score!))).size).toBeGreaterThan(3);
		}
	);

	it('expects more of Guangzhou and Shenzhen than of a county', () => {
		const target = (p: Profile) =>
			sample(city, p, 1).score.indicators.reduce((s, i) => s + i.target, 0) /
			sample(city, p, 1).score.indicators.length;
		expect(target({ level: 'prefecture', region: 'gz-sz' })).toBeGreaterThan(
			target({ level: 'prefecture', region: 'prd' })
		);
		expect(target({ level: 'prefecture', region: 'prd' })).toBeGreaterThan(
			target({ level: 'county', region: 'prd' })
		);
	});

	it('leaves out of a county what the guideline reserves for prefecture-level cities', () => {
		const inScope = (p: Profile) =>
			listIndicators(city)
				.filter((e) => isInScope(e, defaultProfile(city, p), 'full'))
				.map((e) => e.indicator.id);
		const county = inScope({ level: 'county', region: 'prd' });
		const prefecture = inScope({ level: 'prefecture', region: 'prd' });
		expect(county.length).toBeLessThan(prefecture.length);
	});
});

describe('enterprise rubric by profile', () => {
	const micro = { size: 'micro', sector: ['other-services'], ownership: 'private', srdi: 'none' };
	const medium = {
		size: 'medium',
		sector: ['manufacturing'],
		ownership: 'private',
		srdi: 'provincial'
	};
	const largeSoe = {
		size: 'large',
		sector: ['manufacturing'],
		ownership: 'soe-local',
		srdi: 'none'
	};
	const scoped = (p: Profile) => {
		const { score } = sample(enterprise, p, 3);
		return {
			ids: new Set(score.indicators.map((i) => i.id)),
			targets: new Map(score.indicators.map((i) => [i.id, i.target]))
		};
	};

	it('asks a micro service firm, a medium manufacturer and a large SOE different things', () => {
		const a = scoped(micro);
		const b = scoped(medium);
		const c = scoped(largeSoe);
		expect(a.ids.size).toBeLessThan(b.ids.size);
		expect([...a.ids].some((id) => id.startsWith('mfg-'))).toBe(false);
		expect([...b.ids].some((id) => id.startsWith('mfg-'))).toBe(true);
		expect([...a.ids].some((id) => id.startsWith('services.'))).toBe(true);
		// A micro firm is not asked for a digital twin; the SOE gets the SOE-only items.
		expect([...b.ids].filter((id) => !c.ids.has(id))).toEqual([]);
		expect([...c.ids].filter((id) => !b.ids.has(id)).length).toBeGreaterThan(0);
		expect([...a.ids].some((id) => id.includes('twin'))).toBe(false);
	});

	it('sets higher default targets for the large SOE than for the micro firm', () => {
		const a = scoped(micro);
		const c = scoped(largeSoe);
		const common = [...a.ids].filter((id) => c.ids.has(id));
		expect(common.length).toBeGreaterThan(10);
		const higher = common.filter((id) => c.targets.get(id)! > a.targets.get(id)!);
		expect(higher.length).toBeGreaterThan(common.length / 2);
	});
});

describe('defaultProfile', () => {
	it('answers required questions with their first option and leaves optional flags unticked', () => {
		const rubric = {
			...city,
			profile: [
				...city.profile,
				{
					id: 'duties',
					label: { zh: '法定义务', en: 'Legal duties' },
					multiple: true,
					required: false,
					options: [
						{ id: 'important-data', label: { zh: '处理重要数据', en: 'Important data' } },
						{ id: 'cii-operator', label: { zh: '关键信息基础设施运营者', en: 'CII operator' } }
					]
				}
			]
		};
		const profile = defaultProfile(rubric);
		expect(profile.level).toBe(city.profile[0]!.options[0]!.id);
		expect(profile).not.toHaveProperty('duties');
		expect(defaultProfile(rubric, { duties: ['cii-operator'] }).duties).toEqual(['cii-operator']);
	});
});

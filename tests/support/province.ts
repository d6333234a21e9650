/**
 * A synthetic province for the province view's tests and bench: Guangdong's 21 prefecture-level
 * cities and 122 counties (county-level cities and districts) on the city rubric, and any number
 * of enterprises (10,000 in the bench) on the enterprise rubric, spread over sizes and sectors
 * and partly answered. With `history`, part of the subjects also have last year's assessment
 * and a few were assessed twice this year (a repeat made on purpose): the province view must
 * count each subject once per period. Deterministic: the same arguments give the same
 * assessments, byte for byte, so a failing comparison can be rerun.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Assessment, Profile } from '../../src/lib/domain/assessment';
import { createSampleAssessment, seededRandom } from '../../src/lib/domain/sample';
import type { Rubric } from '../../src/lib/rubrics/schema';
import { findRubricById } from '../../src/cli/rubric-files';

/** The 21 cities by the city rubric's regions: 广州、深圳; the other seven of the Pearl River
 * Delta; the twelve of the east, west and north. */
const CITIES: { id: string; name: string; region: 'gz-sz' | 'prd' | 'ewn' }[] = [
	...['广州', '深圳'].map((name) => ({ name, region: 'gz-sz' as const })),
	...['珠海', '佛山', '惠州', '东莞', '中山', '江门', '肇庆'].map((name) => ({
		name,
		region: 'prd' as const
	})),
	...[
		'汕头',
		'韶关',
		'河源',
		'梅州',
		'汕尾',
		'阳江',
		'湛江',
		'茂名',
		'清远',
		'潮州',
		'揭阳',
		'云浮'
	].map((name) => ({ name, region: 'ewn' as const }))
].map((c, i) => ({ ...c, id: `city-${String(i + 1).padStart(2, '0')}` }));

export const PROVINCE_CITIES = CITIES.length;
export const PROVINCE_COUNTIES = 122;

export interface ProvinceOptions {
	enterprises: number;
	seed?: number;
	/** The year assessed: period "<year>年度" */
	year?: number;
	/**
	 * Also a share of subjects assessed the year before, and a share assessed twice this year:
	 * later in the year, or on the same date and saved later (the later one counts).
	 */
	history?: { previousYear: number; repeats: number };
}

export const periodOf = (year: number) => `${year}年度`;

export interface Province {
	cityRubric: Rubric;
	enterpriseRubric: Rubric;
	assessments: Assessment[];
}

function requireRubric(id: string): Rubric {
	const rubric = findRubricById(id);
	if (!rubric) throw new Error(`rubric ${id} not found`);
	return rubric;
}

export function generateProvince({
	enterprises,
	seed = 1,
	year = 2026,
	history
}: ProvinceOptions): Province {
	const cityRubric = requireRubric('gd-city-readiness');
	const enterpriseRubric = requireRubric('gd-enterprise-maturity');
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const assessments: Assessment[] = [];
	let n = 0;
	const assess = (
		rubric: Rubric,
		subject: { id: string; name: string; kind: 'city' | 'enterprise' },
		profile: Profile,
		quick: boolean,
		when: { year: number; id: string; date: string; savedAt: string }
	) => {
		n += 1;
		const assessment = createSampleAssessment(
			rubric,
			{
				id: when.id,
				subject,
				profile,
				mode: quick ? 'quick' : 'full',
				period: periodOf(when.year),
				date: when.date
			},
			seed * 100_003 + n
		);
		assessment.updatedAt = when.savedAt;
		// Some answers still open: coverage below 100%, and some domains with no score at all.
		for (const id of Object.keys(assessment.answers))
			if (random() < 0.05) assessment.answers[id] = { ...assessment.answers[id]!, level: null };
		assessments.push(assessment);
	};
	const make = (
		rubric: Rubric,
		subject: { id: string; name: string; kind: 'city' | 'enterprise' },
		profile: Profile,
		quick: boolean
	) => {
		const on = (y: number, date: string, hour: number) => ({
			year: y,
			date: `${y}-${date}`,
			savedAt: `${y}-${date}T${String(hour).padStart(2, '0')}:00:00.000Z`
		});
		if (history && random() < history.previousYear)
			assess(rubric, subject, profile, quick, {
				...on(year - 1, '06-30', 9),
				id: `${subject.id}-${year - 1}-1`
			});
		assess(rubric, subject, profile, quick, {
			...on(year, '06-30', 9),
			id: `${subject.id}-${year}-1`
		});
		if (history && random() < history.repeats) {
			// Half the repeats later in the year, half on the same day and saved later.
			const later = random() < 0.5 ? on(year, '11-15', 9) : on(year, '06-30', 17);
			// An id ordered before the first's: only the date or save time can make it the latest.
			assess(rubric, subject, profile, quick, { ...later, id: `${subject.id}-${year}-0` });
		}
	};
	for (const city of CITIES)
		make(
			cityRubric,
			{ id: city.id, name: `${city.name}市`, kind: 'city' },
			{ level: 'prefecture', region: city.region },
			false
		);
	for (let i = 0; i < PROVINCE_COUNTIES; i++) {
		// Counties spread over the cities (each has at least one): the east, west and north hold most.
		const city = CITIES[i % CITIES.length]!;
		make(
			cityRubric,
			{
				id: `county-${String(i + 1).padStart(3, '0')}`,
				name: `${city.name}第${i + 1}县区`,
				kind: 'city'
			},
			{ level: 'county', region: city.region },
			false
		);
	}
	const sizes = ['large', 'medium', 'small', 'small', 'micro', 'micro'] as const;
	const sectors = enterpriseRubric.profile.find((q) => q.id === 'sector')!.options.map((o) => o.id);
	for (let i = 0; i < enterprises; i++) {
		const first = pick(sectors);
		const second = random() < 0.2 ? pick(sectors) : first;
		make(
			enterpriseRubric,
			{
				id: `enterprise-${String(i + 1).padStart(5, '0')}`,
				name: `企业${i + 1}`,
				kind: 'enterprise'
			},
			{
				size: pick(sizes),
				sector: first === second ? [first] : [first, second],
				ownership: 'private',
				srdi: 'none'
			},
			random() < 0.1
		);
	}
	return { cityRubric, enterpriseRubric, assessments };
}

/** Writes each assessment as a file, as the province would receive them; returns the paths. */
export function writeProvinceFiles(province: Province, dir: string): string[] {
	mkdirSync(dir, { recursive: true });
	return province.assessments.map((a) => {
		const file = path.join(dir, `${a.id}.json`);
		writeFileSync(file, JSON.stringify(a, null, 2));
		return file;
	});
}

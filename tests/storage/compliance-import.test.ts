/**
 * A backup holding compliance answers, ratio inputs and recorded figures restores onto the device
 * and backs up again unchanged; one whose compliance answer names an unknown check is refused.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { InputError, type RubricSource } from '../../src/lib/domain/assessment-file';
import type { Assessment } from '../../src/lib/domain/assessment';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import {
	buildBackup,
	parseImport,
	planImport,
	resolveImport,
	toRecords
} from '../../src/lib/storage/bundle';
import { embedFiles, extractFiles } from '../../src/lib/storage/files';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric, miniSubjectRecord } from '../support/rubrics';

const rubric = loadFixtureRubric('mini-compliance');
const source: RubricSource = {
	find: (id, version) => (id === rubric.id && version === rubric.version ? rubric : undefined),
	versions: () => [rubric.version]
};
const subject = {
	...miniSubjectRecord,
	rubricId: rubric.id,
	profile: { level: 'prefecture', duties: ['important-data'] }
};

function assessment(): Assessment {
	const a = createSampleAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: subject.profile,
		date: '2026-01-01'
	});
	a.compliance = {
		'dsl-officer': { status: 'not-met', note: '负责人尚未任命。' },
		'vuln-handling': {
			status: 'met',
			evidence: [{ id: 'e1', kind: 'link', title: '漏洞接收渠道', url: 'https://example.org/v' }]
		}
	};
	a.answers['d2.a'] = {
		...a.answers['d2.a']!,
		level: 4,
		value: 66.4,
		inputs: { numerator: 12_345, denominator: 1_860_000 }
	};
	a.answers['d3.a'] = {
		...a.answers['d3.a']!,
		figures: { 'd3.a.racks': 1200, 'd3.a.gigabit': { numerator: 30, denominator: null } }
	};
	return a;
}

describe('importing assessments with compliance answers and figures', () => {
	it('restores them and backs them up again unchanged', async () => {
		await repo.wipeEverything();
		const original = buildBackup([subject], [assessment()], '2026-11-23T00:00:00.000Z');
		const parsed = parseImport(JSON.stringify(original), 'backup.json', source);
		const resolved = resolveImport(planImport(parsed, new Map(), new Map()), 'keep-both', () => {
			throw new Error('no copies expected');
		});
		const split = resolved.assessments.map((a) => extractFiles(a));
		resolved.assessments = split.map((s) => s.assessment);
		const records = toRecords(
			resolved,
			new Map(),
			() => ({ score: 50, coverage: 1 }),
			'2026-11-24T00:00:00.000Z'
		);
		await repo.writeImport({ ...records, files: split.flatMap((s) => s.files) });
		const stored = await repo.readEverything();
		const [again] = await Promise.all(
			stored.assessments.map((r) => embedFiles(r.assessment, stored.files))
		);
		expect(again).toStrictEqual(original.assessments[0]);
	});

	it('refuses a compliance answer for a check the rubric does not have, naming the file and path', () => {
		const a = { ...assessment(), compliance: { 'no-such-duty': { status: 'met' as const } } };
		const text = JSON.stringify(buildBackup([subject], [a], '2026-11-23T00:00:00.000Z'));
		expect(() => parseImport(text, 'backup.json', source)).toThrow(InputError);
		expect(() => parseImport(text, 'backup.json', source)).toThrow(
			'backup.json: $.assessments[0].compliance["no-such-duty"]: unknown compliance check'
		);
	});
});

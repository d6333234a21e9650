/**
 * Action statuses are per measure and per actor, as the plan lists them: a status set under one
 * department never shows under another. Files from before keep their measure-only keys, and such
 * a status stays the status of every actor of the measure until one is set for the actor.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actorActionKey, readAction, splitActionKey } from '../../src/lib/domain/actions';
import { AssessmentSchema, type Assessment } from '../../src/lib/domain/assessment';
import { checkAgainstRubric, validateAssessment } from '../../src/lib/domain/assessment-file';
import { buildResultsCsv } from '../../src/lib/domain/csv';
import { planMeasures, rankGaps } from '../../src/lib/domain/gaps';
import { buildReportModel, type TableBlock } from '../../src/lib/domain/report-model';
import { createAssessment } from '../../src/lib/domain/sample';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import type { Rubric } from '../../src/lib/rubrics/schema';
import { loadFixtureRubric } from '../support/rubrics';

/** The mini rubric with its first measure (d1.a, to level 1) acted on by both actors. */
function sharedMeasureRubric(): Rubric {
	const rubric = structuredClone(loadFixtureRubric());
	rubric.pillars[0]!.domains[0]!.indicators[0]!.measures[0]!.actors = ['gov', 'miit'];
	return rubric;
}
const rubric = sharedMeasureRubric();
const MEASURE = 'd1.a:1:0';

function assessmentWith(actions: Assessment['actions']): Assessment {
	const a = createAssessment(rubric, {
		id: 'a-actions',
		subject: { id: 's-actions', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-01-01'
	});
	a.answers['d1.a'] = { level: 0, notApplicable: false, target: 3 };
	a.actions = actions;
	return a;
}

const catalog = { nodes: new Map(), cases: new Map() };

/** The status column of each actor's plan table in the report, for the measure 措施一. */
function reportStatuses(a: Assessment): Record<string, string> {
	const model = buildReportModel({
		rubric,
		assessment: a,
		catalog,
		locale: 'zh',
		generatedOn: '2026-02-01',
		sections: ['plan']
	});
	const plan = model.sections.find((s) => s.id === 'plan')!;
	return Object.fromEntries(
		plan.children.map((child) => {
			const table = child.blocks[0] as TableBlock;
			const row = table.rows.find((r) => r[0] === '措施一')!;
			return [child.id.replace('plan:', ''), row.at(-1)!.split('\n')[0]!];
		})
	);
}

describe('per-actor action statuses', () => {
	it('lists the shared measure under both actors', () => {
		const plan = planMeasures(rankGaps(rubric, assessmentWith(undefined)));
		const under = (actor: string) =>
			plan.find((p) => p.actorId === actor)?.measures.map((m) => m.key) ?? [];
		expect(under('gov')).toContain(MEASURE);
		expect(under('miit')).toContain(MEASURE);
	});

	it('keeps a status set for one actor out of the other actor’s list', () => {
		const a = assessmentWith({ [actorActionKey(MEASURE, 'gov')]: { status: 'done' } });
		expect(readAction(a.actions, MEASURE, 'gov')?.status).toBe('done');
		expect(readAction(a.actions, MEASURE, 'miit')).toBeUndefined();
		expect(reportStatuses(a)).toEqual({ gov: '已完成', miit: '未开始' });
		const csv = buildResultsCsv(rubric, a, catalog, 'zh');
		const rows = csv.split('\r\n').filter((line) => line.includes(MEASURE));
		expect(rows.find((r) => r.startsWith('本级人民政府'))).toContain('已完成');
		expect(rows.find((r) => r.startsWith('工业和信息化部门'))).toContain('未开始');
	});

	it('reads an older file’s measure-only status as every actor’s, until one is set for an actor', async () => {
		const old = validateAssessment(
			JSON.parse(
				JSON.stringify(
					assessmentWith({ [MEASURE]: { status: 'in-progress', owner: '市政府办公室' } })
				)
			),
			'old.json'
		);
		expect(checkAgainstRubric(old, rubric)).toEqual([]);
		expect(reportStatuses(old)).toEqual({ gov: '推进中', miit: '推进中' });

		await repo.createSubject({
			id: 's-actions',
			kind: 'city',
			name: '测试市',
			rubricId: 'mini',
			profile: { level: 'prefecture' }
		});
		const record = await repo.createAssessment(old, { score: 0, coverage: 1 });
		const session = new AssessmentSession(rubric, record);
		session.setAction(MEASURE, 'miit', { status: 'done' });
		await session.flush();
		session.dispose();
		const stored = (await repo.getAssessment('a-actions'))!.assessment;
		// The actor set separately starts from the old status (its owner is kept) and changes alone.
		expect(readAction(stored.actions, MEASURE, 'miit')).toEqual({
			status: 'done',
			owner: '市政府办公室'
		});
		expect(readAction(stored.actions, MEASURE, 'gov')).toEqual({
			status: 'in-progress',
			owner: '市政府办公室'
		});
		expect(reportStatuses(stored)).toEqual({ gov: '推进中', miit: '已完成' });
	});

	it('accepts per-actor keys in a file, and refuses an actor the rubric does not have', () => {
		const good = validateAssessment(
			JSON.parse(JSON.stringify(assessmentWith({ [`${MEASURE}@miit`]: { status: 'planned' } }))),
			'new.json'
		);
		expect(checkAgainstRubric(good, rubric)).toEqual([]);
		const bad = assessmentWith({ [`${MEASURE}@nobody`]: { status: 'planned' } });
		expect(
			checkAgainstRubric(bad, rubric)
				.map((p) => p.message)
				.join('\n')
		).toMatch(/actor "nobody"/);
		expect(() =>
			validateAssessment(
				JSON.parse(
					JSON.stringify(assessmentWith({ [`${MEASURE}@Bad Actor`]: { status: 'open' } }))
				),
				'bad.json'
			)
		).toThrow(/measure key/);
	});

	it('splits keys of both forms', () => {
		expect(splitActionKey('c02.core-industry-share.l2@gov')).toEqual({
			measureKey: 'c02.core-industry-share.l2',
			actorId: 'gov'
		});
		expect(splitActionKey('d1.a:1:0')).toEqual({ measureKey: 'd1.a:1:0' });
	});

	it('documents the key format in the assessment JSON Schema (cli schema assessment)', () => {
		const schema = z.toJSONSchema(AssessmentSchema, { io: 'input' }) as unknown as {
			properties: { actions: { description?: string } };
		};
		expect(schema.properties.actions.description).toMatch(/<measure>@<actor>/);
		expect(schema.properties.actions.description).toMatch(/without "@<actor>"/);
	});
});

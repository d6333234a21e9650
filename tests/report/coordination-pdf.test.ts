/**
 * A coordinated assessment's report ends with its record — who answered, where each answer came
 * from, the sign-off and the change log — and a respondent's blank questionnaire is drawn by the
 * same renderer; both read back with poppler's pdftotext.
 */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../src/lib/domain/assessment';
import {
	buildReturn,
	decide,
	finalise,
	issuePackage,
	logAnswerChange,
	mergeReturn,
	openPackage,
	reopen,
	startCoordination
} from '../../src/lib/domain/coordination';
import { buildQuestionnaireModel } from '../../src/lib/domain/report/questionnaire';
import { createAssessment } from '../../src/lib/domain/sample';
import { loadFixtureRubric } from '../support/rubrics';
import { model, pdfText, render, squash } from './support';

const rubric = loadFixtureRubric();
const ctx = { on: '2026-05-01', by: '王主任' };

/** Two departments answered; one conflict decided; signed off, reopened and one answer changed. */
function coordinated(): Assessment {
	let a = createAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile: { level: 'prefecture' },
		date: '2026-04-01',
		period: '2026年度'
	});
	a = startCoordination(rubric, a, '王主任', 'zh');
	a.coordination!.respondents = [
		{ id: 'dept-a', name: '发展改革部门', contact: '李科长 020-1234', deadline: '2026-04-20' },
		{ id: 'dept-b', name: '统计部门' }
	];
	a.coordination!.assignments = { 'd1.a': ['dept-a', 'dept-b'], 'd1.b': ['dept-a'] };
	const pa = issuePackage(rubric, a, 'dept-a', '2026-04-02');
	const pb = issuePackage(rubric, pa.assessment, 'dept-b', '2026-04-02');
	a = pb.assessment;
	const answer = (pkg: typeof pa.file, level: number, person: string) => {
		const task = openPackage(pkg, '2026-04-03T00:00:00Z');
		task.answers['d1.a'] = { ...task.answers['d1.a']!, level };
		return buildReturn(task, person, '2026-04-10').file;
	};
	for (const file of [answer(pa.file, 2, '李科长'), answer(pb.file, 3, '赵科长')]) {
		const outcome = mergeReturn(a, file, ctx);
		if (outcome.kind !== 'merged') throw new Error(outcome.kind);
		a = outcome.assessment;
	}
	a = decide(
		a,
		{
			indicatorId: 'd1.a',
			answer: { ...a.answers['d1.a']!, level: 3 },
			choice: 'consolidated',
			note: '以统计部门的年报口径为准'
		},
		ctx
	);
	a = finalise(a, { by: '王主任', on: '2026-05-02' });
	a = reopen(a, { by: '王主任', on: '2026-05-03' }, '补充统计年报数据');
	const before = a.answers['d1.b'];
	a = { ...a, answers: { ...a.answers, 'd1.b': { ...before!, level: 4 } } };
	return logAnswerChange(a, 'd1.b', before, { by: '王主任', on: '2026-05-03' }, '年报更正');
}

describe('the coordination appendix in the PDF', () => {
	it('prints provenance, the sign-off and the change log with who, when, old → new and why (zh)', async () => {
		const { file } = await render('coordination-zh', model(rubric, coordinated(), 'zh'));
		const text = squash(pdfText(file));
		expect(text).toContain(squash('附录：协同填报、定稿与变更记录'));
		expect(text).toContain(squash('本评估由王主任组织协同填报，共 2 个填报部门。'));
		expect(text).toContain('作答来源');
		expect(text).toContain('赵科长');
		expect(text).toContain('变更记录');
		expect(text).toContain(squash('以统计部门的年报口径为准'));
		expect(text).toContain('重新打开');
		expect(text).toContain('补充统计年报数据');
		// The change after reopening: the date, who, the kind, the field old → new, the reason.
		expect(text).toContain(
			squash('2026-05-03 王主任 修改作答 指标A 等级：（空）→ 4 引领 年报更正')
		);
		expect(text).toContain(squash('2026-05-02 王主任 定稿'));
	});

	it('is in English with the English report', async () => {
		const { file } = await render('coordination-en', model(rubric, coordinated(), 'en'));
		const text = pdfText(file);
		expect(squash(text)).toContain(squash('Appendix: coordination, sign-off and change log'));
		expect(squash(text)).toContain(squash('Reopened'));
		expect(squash(text)).toContain(squash('Answer changed'));
	});

	it('is left out of the report of an assessment nobody coordinated', () => {
		const plain = createAssessment(rubric, {
			id: 'a2',
			subject: { id: 's1', name: '测试市', kind: 'city' },
			profile: { level: 'prefecture' },
			date: '2026-04-01'
		});
		expect(model(rubric, plain, 'zh').sections.map((s) => s.id)).not.toContain('coordination');
	});
});

describe('a respondent’s blank questionnaire', () => {
	it('lists only its indicators with every level, the instruction, deadline and contact, and no answers', async () => {
		const a = coordinated();
		a.coordination!.respondents[0]!.instruction = '请按2025年统计年报口径填写。';
		a.answers['d1.b'] = { ...a.answers['d1.b']!, note: '协调人的内部备注' };
		const m = buildQuestionnaireModel({
			rubric,
			assessment: a,
			respondentId: 'dept-a',
			locale: 'zh',
			generatedOn: '2026-04-02'
		});
		const { file } = await render('questionnaire-zh', m);
		const text = squash(pdfText(file));
		expect(text).toContain(squash('填报问卷：发展改革部门'));
		expect(text).toContain(squash('请按2025年统计年报口径填写。'));
		expect(text).toContain('2026-04-20');
		expect(text).toContain(squash('李科长 020-1234'));
		for (const id of ['d1.a', 'd1.b']) {
			const indicator = rubric.pillars[0]!.domains[0]!.indicators.find((i) => i.id === id)!;
			expect(text).toContain(squash(indicator.title.zh));
			for (const level of indicator.levels) expect(text).toContain(squash(level.zh).slice(0, 12));
		}
		expect(text).not.toContain('协调人的内部备注');
		expect(text).toContain(squash('本问卷共 2 项指标。'));
		expect(text).toContain('（d1.a）');
		expect(text).toContain('（d1.b）');
		const others = rubric.pillars
			.flatMap((p) => p.domains.flatMap((d) => d.indicators))
			.filter((i) => !['d1.a', 'd1.b'].includes(i.id));
		for (const other of others) expect(text).not.toContain(`（${other.id}）`);
	});
});

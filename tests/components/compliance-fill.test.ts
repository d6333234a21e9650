import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import ComplianceSection from '../../src/routes/assess/ComplianceSection.svelte';
import IndicatorCard from '../../src/routes/assess/IndicatorCard.svelte';
import type { Profile } from '../../src/lib/domain/assessment';
import { createAssessment } from '../../src/lib/domain/sample';
import { AssessmentSession } from '../../src/lib/state/assessment-session.svelte';
import * as repo from '../../src/lib/storage/repository';
import { loadFixtureRubric } from '../support/rubrics';

const rubric = loadFixtureRubric('mini-compliance');

async function newSession(profile: Profile = { level: 'prefecture', duties: ['important-data'] }) {
	await repo.wipeEverything();
	localStorage.clear();
	await repo.createSubject({
		id: 's1',
		kind: 'city',
		name: '测试市',
		rubricId: rubric.id,
		profile
	});
	const assessment = createAssessment(rubric, {
		id: 'a1',
		subject: { id: 's1', name: '测试市', kind: 'city' },
		profile,
		date: '2026-01-01'
	});
	const record = await repo.createAssessment(assessment, { score: null, coverage: 0 });
	return new AssessmentSession(rubric, record);
}

const stored = async () => (await repo.getAssessment('a1'))!.assessment;

let session: AssessmentSession;
beforeEach(async () => {
	session = await newSession();
});

describe('filling compliance checks', () => {
	it('shows each applicable duty with its requirement, whom it binds and its legal source', () => {
		render(ComplianceSection, { props: { session } });
		expect(
			screen.getByRole('heading', { name: '合规检查（必须项）', level: 2 })
		).toBeInTheDocument();
		const duty = screen.getByRole('article', { name: '数据安全负责人' });
		expect(within(duty).getByText('明确数据安全负责人和管理机构')).toBeInTheDocument();
		expect(within(duty).getByText('重要数据的处理者')).toBeInTheDocument();
		expect(within(duty).getByText('《中华人民共和国数据安全法》第二十七条')).toBeInTheDocument();
		expect(within(duty).getByText('任命文件')).toBeInTheDocument();
		expect(screen.getAllByRole('article')).toHaveLength(2);
	});

	it('asks only the duties that bind the profile', async () => {
		session = await newSession({ level: 'prefecture' });
		render(ComplianceSection, { props: { session } });
		expect(screen.getAllByRole('article').map((a) => a.getAttribute('id'))).toEqual([
			'compliance-vuln-handling'
		]);
	});

	it('saves a status and a note, and clears a status, without changing the score', async () => {
		render(ComplianceSection, { props: { session } });
		const before = session.scores;
		const group = screen.getByRole('group', { name: '状态（数据安全负责人）' });
		await fireEvent.click(within(group).getByLabelText('未满足'));
		expect(session.complianceAnswer('dsl-officer').status).toBe('not-met');
		await fireEvent.input(screen.getAllByLabelText('说明')[0]!, {
			target: { value: '尚未任命。' }
		});
		await session.flush();
		expect((await stored()).compliance).toEqual({
			'dsl-officer': { status: 'not-met', note: '尚未任命。' }
		});
		expect(session.scores).toEqual(before);
		await fireEvent.click(within(group).getByRole('button', { name: '清除' }));
		await session.flush();
		expect((await stored()).compliance?.['dsl-officer']?.status).toBeNull();
	});

	it('is usable from the keyboard: the status choices are one radio group per duty', () => {
		render(ComplianceSection, { props: { session } });
		const group = screen.getByRole('group', { name: '状态（漏洞处置）' });
		const radios = within(group).getAllByRole('radio');
		expect(radios.map((r) => (r as HTMLInputElement).name)).toEqual(
			Array(3).fill('compliance-vuln-handling')
		);
	});
});

describe('ratio metrics and figures', () => {
	const renderCard = (id: string) =>
		render(IndicatorCard, {
			props: {
				session,
				entry: session.index.get(id)!,
				position: { n: 1, total: 2 },
				current: true,
				onfocusin: () => {}
			}
		});

	it('takes numerator and denominator, shows the working live, and suggests the level from the ratio', async () => {
		renderCard('d2.a');
		const numerator = screen.getByLabelText(/分子：5G基站数/);
		const denominator = screen.getByLabelText(/分母：常住人口/);
		await fireEvent.input(numerator, { target: { value: '12345' } });
		expect(screen.getByText('请填写分母')).toBeInTheDocument();
		await fireEvent.input(denominator, { target: { value: '0' } });
		expect(screen.getByText(/分母为零，无法计算/)).toBeInTheDocument();
		await fireEvent.input(denominator, { target: { value: '1860000' } });
		expect(screen.getByText('12,345 ÷ 1,860,000 × 10,000 = 66.4')).toBeInTheDocument();
		await fireEvent.change(numerator, { target: { value: '12345' } });
		await fireEvent.change(denominator, { target: { value: '1860000' } });
		expect(session.answer('d2.a')).toMatchObject({
			value: 66.4,
			level: 4,
			inputs: { numerator: 12_345, denominator: 1_860_000 }
		});
		await session.flush();
		expect((await stored()).answers['d2.a']!.value).toBe(66.4);
	});

	it('records figures with their units, a ratio figure by its inputs', async () => {
		renderCard('d3.a');
		expect(screen.getByText('架')).toBeInTheDocument();
		await fireEvent.change(screen.getByLabelText(/数据中心机架数/), { target: { value: '1200' } });
		await fireEvent.change(screen.getByLabelText(/分子：千兆用户数/), { target: { value: '30' } });
		await fireEvent.change(screen.getByLabelText(/分母：宽带用户数/), { target: { value: '120' } });
		expect(screen.getByText('30 ÷ 120 × 100 = 25')).toBeInTheDocument();
		await session.flush();
		expect((await stored()).answers['d3.a']!.figures).toEqual({
			'd3.a.racks': 1200,
			'd3.a.gigabit': { numerator: 30, denominator: 120 }
		});
		expect(session.answer('d3.a').level).toBeNull();
	});
});

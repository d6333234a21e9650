/**
 * Backup and restore of a consultant-sized portfolio: 200 subjects with 5 assessments each, with
 * notes, narratives, actions, evidence links and evidence files, through every step the app takes
 * (backup file → read and check → plan → resolve → records → one write → read back → backup).
 * What comes back must be the same content, down to the last character.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, Profile } from '../../src/lib/domain/assessment';
import { createSampleAssessment } from '../../src/lib/domain/sample';
import { scoreAssessment } from '../../src/lib/domain/scoring';
import type { Rubric } from '../../src/lib/rubrics/schema';
import { loadAllRubrics, rubricSourceOf } from '../../src/lib/state/rubrics';
import {
	buildBackup,
	parseImport,
	planImport,
	resolveImport,
	toRecords,
	type Backup
} from '../../src/lib/storage/bundle';
import { blobToDataUrl, embedFiles, extractFiles } from '../../src/lib/storage/files';
import type { SubjectRecord } from '../../src/lib/storage/records';
import * as repo from '../../src/lib/storage/repository';

const SUBJECTS = 200;
const ASSESSMENTS_PER_SUBJECT = 5;

let rubrics: Rubric[];
beforeAll(async () => {
	rubrics = await loadAllRubrics();
});

const PROFILES: Record<'city' | 'enterprise', Profile[]> = {
	city: [
		{ level: 'prefecture', region: 'gz-sz' },
		{ level: 'prefecture', region: 'prd' },
		{ level: 'county', region: 'ewn' }
	],
	enterprise: [
		{ size: 'large', sector: ['manufacturing'], ownership: 'soe-local', srdi: 'none' },
		{ size: 'small', sector: ['commerce', 'logistics'], ownership: 'private', srdi: 'provincial' },
		{ size: 'micro', sector: ['agriculture'], ownership: 'other', srdi: 'innovative-sme' }
	]
};

/** A deterministic portfolio as the device would export it (evidence files embedded). */
async function portfolio(): Promise<{ subjects: SubjectRecord[]; assessments: Assessment[] }> {
	const subjects: SubjectRecord[] = [];
	const assessments: Assessment[] = [];
	for (let i = 0; i < SUBJECTS; i++) {
		const kind = i % 3 === 2 ? 'enterprise' : 'city';
		const rubric = rubrics.find((r) => r.audience === kind)!;
		const profile = PROFILES[kind][i % 3]!;
		const id = `subject-${String(i).padStart(3, '0')}`;
		const name = kind === 'city' ? `第${i}号示例市` : `示例企业 ${i} 有限公司`;
		subjects.push({
			schemaVersion: 1,
			id,
			kind,
			name,
			rubricId: rubric.id,
			profile,
			note: i % 4 === 0 ? `客户备注 ${i}:联系人王工,电话另行保存。\n“引号” & <尖括号>` : '',
			archived: i % 17 === 0,
			createdAt: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T08:00:00.000Z`,
			updatedAt: `2026-02-${String((i % 28) + 1).padStart(2, '0')}T09:30:00.000Z`,
			summary: { assessmentIds: [], latest: null }
		});
		for (let y = 0; y < ASSESSMENTS_PER_SUBJECT; y++) {
			const a = createSampleAssessment(
				rubric,
				{
					id: `${id}-a${y}`,
					subject: { id, name, kind },
					profile,
					date: `${2021 + y}-06-30`,
					period: `${2021 + y}年度`,
					assessor: `评估组 ${y}`,
					mode: y === 0 ? 'quick' : 'full'
				},
				i * 10 + y
			);
			const ids = Object.keys(a.answers);
			a.narrative = `第 ${y + 1} 次评估的总体评价 🚀\n${'数据要素市场仍处起步阶段。'.repeat(y + 1)}`;
			a.answers[ids[0]!]!.note = `备注 ${i}-${y}:依据统计公报,e\u0301 ${'★'.repeat(y)}`;
			a.answers[ids[1]!]!.evidence = [
				{
					id: `${id}-a${y}-link`,
					kind: 'link',
					title: `统计公报 ${2021 + y}`,
					url: `https://www.example.gov.cn/tjgb/${2021 + y}.html?subject=${i}`,
					addedAt: '2026-03-01T00:00:00.000Z'
				}
			];
			if ((i + y) % 10 === 0) {
				const bytes = new TextEncoder().encode(`证据文件 ${i}-${y} %PDF-1.7 \u0000\u00ff`);
				a.answers[ids[2]!]!.evidence = [
					{
						id: `${id}-a${y}-file`,
						kind: 'file',
						title: `测算表 ${y}.pdf`,
						fileName: `测算表 ${y}.pdf`,
						mimeType: 'application/pdf',
						size: bytes.length,
						addedAt: '2026-03-02T00:00:00.000Z',
						dataUrl: await blobToDataUrl(new Blob([bytes], { type: 'application/pdf' }))
					}
				];
			}
			a.actions = {
				[ids[0]!]: { status: 'in-progress', owner: '市工业和信息化局', due: '2026-12-31' },
				[ids[3]!]: { status: 'done', note: '已完成' }
			};
			a.createdAt = `${2021 + y}-05-01T00:00:00.000Z`;
			a.updatedAt = `${2021 + y}-06-30T00:00:00.000Z`;
			assessments.push(a);
		}
	}
	return { subjects, assessments };
}

const withoutExportedAt = ({ exportedAt: _, ...rest }: Backup) => rest;

describe('backup and restore of a large portfolio', () => {
	it(`round-trips ${SUBJECTS} subjects × ${ASSESSMENTS_PER_SUBJECT} assessments with identical content`, async () => {
		await repo.wipeEverything();
		const { subjects, assessments } = await portfolio();
		const original = buildBackup(subjects, assessments, '2026-11-23T00:00:00.000Z');
		const text = JSON.stringify(original, null, 1);

		// Restore onto an empty device, exactly as the app does it.
		const source = rubricSourceOf(rubrics);
		const parsed = parseImport(text, 'backup.json', source);
		const plan = planImport(parsed, new Map(), new Map());
		expect(plan.conflicts).toBe(0);
		const resolved = resolveImport(plan, 'keep-both', (id) => {
			throw new Error(`no copies expected on an empty device (${id})`);
		});
		const files: [string, Blob][] = [];
		resolved.assessments = resolved.assessments.map((a) => {
			const split = extractFiles(a);
			files.push(...split.files);
			return split.assessment;
		});
		const records = toRecords(
			resolved,
			new Map(),
			(a) => {
				const scores = scoreAssessment(source.find(a.rubric.id, a.rubric.version)!, a);
				return { score: scores.overall.score, coverage: scores.overall.coverage.ratio };
			},
			'2026-11-24T00:00:00.000Z'
		);
		await repo.writeImport({ ...records, files });

		// Back up again from what the device now holds.
		const stored = await repo.readEverything();
		expect(stored.subjects).toHaveLength(SUBJECTS);
		expect(stored.assessments).toHaveLength(SUBJECTS * ASSESSMENTS_PER_SUBJECT);
		expect(stored.files.size).toBe(files.length);
		expect(files.length).toBeGreaterThan(50);
		const embedded = await Promise.all(
			stored.assessments.map((r) => embedFiles(r.assessment, stored.files))
		);
		const again = buildBackup(stored.subjects, embedded, '2026-11-25T00:00:00.000Z');

		expect(withoutExportedAt(again)).toStrictEqual(withoutExportedAt(original));
		// Same content, character for character, whatever order the keys come in.
		const canonical = (v: unknown): unknown =>
			Array.isArray(v)
				? v.map(canonical)
				: v && typeof v === 'object'
					? Object.fromEntries(
							Object.entries(v)
								.sort(([a], [b]) => (a < b ? -1 : 1))
								.map(([k, x]) => [k, canonical(x)])
						)
					: v;
		expect(JSON.stringify(canonical(withoutExportedAt(again)))).toBe(
			JSON.stringify(canonical(withoutExportedAt(original)))
		);

		// The subject list shows each subject's latest assessment.
		const list = await repo.listReadableSubjects();
		expect(list.unreadable).toEqual([]);
		for (const s of list.subjects) {
			expect(s.summary.assessmentIds).toHaveLength(ASSESSMENTS_PER_SUBJECT);
			expect(s.summary.latest?.assessmentId).toBe(`${s.id}-a${ASSESSMENTS_PER_SUBJECT - 1}`);
		}
	}, 180_000);
});

/**
 * A province-sized backup as the app would export it: city subjects with a few assessments each,
 * every applicable indicator answered, a note and a link on some answers. Deterministic (ids and
 * dates from the index), so the same call always gives byte-identical files.
 */
import { readFileSync } from 'node:fs';
import { buildBackup, type Backup } from '../../src/lib/storage/bundle';
import { createSampleAssessment, defaultProfile } from '../../src/lib/domain/sample';
import { loadRubricText } from '../../src/lib/rubrics/loader';
import type { Rubric } from '../../src/lib/rubrics/schema';
import type { Assessment } from '../../src/lib/domain/assessment';
import type { SubjectRecord } from '../../src/lib/storage/records';

export const loadCityRubric = (): Rubric =>
	loadRubricText(readFileSync('rubrics/gd-city-readiness.yaml', 'utf8'), 'gd-city-readiness.yaml');

export function largeBackup(
	assessmentCount: number,
	perSubject = 2,
	rubric: Rubric = loadCityRubric()
): Backup {
	const subjects: SubjectRecord[] = [];
	const assessments: Assessment[] = [];
	const profile = defaultProfile(rubric);
	const subjectCount = Math.ceil(assessmentCount / perSubject);
	for (let s = 0; s < subjectCount; s++) {
		const id = `subject-${String(s).padStart(5, '0')}`;
		const name = `第${s}号示例市`;
		subjects.push({
			schemaVersion: 1,
			id,
			kind: 'city',
			name,
			rubricId: rubric.id,
			profile,
			note: s % 4 === 0 ? `客户备注 ${s}：联系人王工。` : '',
			archived: false,
			createdAt: '2025-01-01T08:00:00.000Z',
			updatedAt: '2026-02-01T09:30:00.000Z',
			summary: { assessmentIds: [], latest: null }
		});
		for (let y = 0; y < perSubject && assessments.length < assessmentCount; y++) {
			const a = createSampleAssessment(
				rubric,
				{
					id: `${id}-a${y}`,
					subject: { id, name, kind: 'city' },
					profile,
					date: `${2021 + y}-06-30`,
					period: `${2021 + y}年度`,
					assessor: `评估组 ${y}`
				},
				s * 10 + y + 1
			);
			const ids = Object.keys(a.answers);
			a.answers[ids[0]!]!.note = `依据统计公报 ${2021 + y}，见附件。`;
			a.answers[ids[1]!]!.evidence = [
				{
					id: `${id}-a${y}-link`,
					kind: 'link',
					title: `统计公报 ${2021 + y}`,
					url: `https://www.example.gov.cn/tjgb/${2021 + y}.html?subject=${s}`,
					addedAt: '2026-03-01T00:00:00.000Z'
				}
			];
			a.createdAt = `${2021 + y}-05-01T00:00:00.000Z`;
			a.updatedAt = `${2021 + y}-06-30T00:00:00.000Z`;
			assessments.push(a);
		}
	}
	return buildBackup(subjects, assessments, '2026-11-23T00:00:00.000Z');
}

/** The backup as the app writes it (indented by one space). */
export const backupText = (backup: Backup) => JSON.stringify(backup, null, 1);

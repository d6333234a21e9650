/**
 * Evidence held anywhere in a coordinated assessment — a respondent's answer the coordinator did
 * not take, the coordinator's own kept answer — travels with the assessment: it is embedded in the
 * exported file, restored by an import (keep-both copies get files of their own), and deleted
 * with the assessment. Without this, the file of a side not taken was lost on export.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Assessment, Evidence } from '../../src/lib/domain/assessment';
import { emptyCoordination } from '../../src/lib/domain/coordination';
import { evidenceProblems } from '../../src/lib/domain/evidence-check';
import { heldAnswers } from '../../src/lib/domain/held-answers';
import { buildAssessmentFile } from '../../src/lib/state/library';
import { applyImport, prepareImportText } from '../../src/lib/state/importing';
import * as repo from '../../src/lib/storage/repository';
import { cityWithAssessments } from '../support/device';

beforeEach(async () => {
	await repo.wipeEverything();
});

const fileEvidence = (id: string, text: string): Evidence => ({
	id,
	kind: 'file',
	title: `${id}.txt`,
	fileName: `${id}.txt`,
	mimeType: 'text/plain',
	size: new TextEncoder().encode(text).length
});

/** A stored, coordinated assessment where a respondent's side (not taken) carries a file. */
async function coordinatedWithSideFile() {
	const [a] = await cityWithAssessments('c', '协同市', ['2026-04-01'], () => '协调办的证据');
	const indicator = Object.keys(a!.answers)[1]!;
	await repo.putFile('side-file', new Blob(['统计部门的证据'], { type: 'text/plain' }));
	const record = (await repo.getAssessment(a!.id))!;
	const next: Assessment = {
		...record.assessment,
		coordination: {
			...emptyCoordination(),
			respondents: [{ id: 'stats', name: '统计部门' }],
			assignments: { [indicator]: ['stats'] },
			contributions: {
				[indicator]: {
					stats: {
						answer: {
							level: 1,
							notApplicable: false,
							target: null,
							evidence: [fileEvidence('side-file', '统计部门的证据')]
						},
						packageId: 'stats.1',
						sequence: 1,
						person: '李科长',
						returnedOn: '2026-04-10'
					}
				}
			}
		}
	};
	const saved = await repo.saveAssessment(next, record.revision, { score: null, coverage: 0 });
	if (!saved.ok) throw new Error('save failed');
	return { assessment: saved.record.assessment, indicator };
}

const sideEvidence = (a: Assessment, indicator: string) =>
	a.coordination!.contributions[indicator]!.stats!.answer.evidence![0]!;

describe('evidence held by a coordinated assessment', () => {
	it('is embedded in the exported file and checked like any evidence', async () => {
		const { assessment, indicator } = await coordinatedWithSideFile();
		const file = JSON.parse((await buildAssessmentFile(assessment)).content) as Assessment;
		const side = sideEvidence(file, indicator);
		expect(side.dataUrl).toMatch(/^data:text\/plain;base64,/);
		expect(Buffer.from(side.dataUrl!.split(',')[1]!, 'base64').toString()).toBe('统计部门的证据');
		// A damaged embedded file there is found, with its path.
		const damaged = structuredClone(file);
		sideEvidence(damaged, indicator).size = 1;
		expect(evidenceProblems(damaged)[0]!.path).toBe(
			`$.coordination.contributions["${indicator}"].stats.answer.evidence[0].size`
		);
	});

	it('comes back with an import on a fresh device, and keep-both copies own their files', async () => {
		const { assessment, indicator } = await coordinatedWithSideFile();
		const exported = (await buildAssessmentFile(assessment)).content;
		await repo.wipeEverything();
		await applyImport(await prepareImportText(exported, 'a.json'), 'skip');
		const restored = (await repo.getAssessment(assessment.id))!.assessment;
		const side = sideEvidence(restored, indicator);
		expect(side).not.toHaveProperty('dataUrl');
		expect(await (await repo.getFile(side.id))!.text()).toBe('统计部门的证据');

		// The same file again, kept as a copy: the copy's side file is its own.
		const changed = JSON.parse(exported) as Assessment;
		changed.narrative = '另一份';
		const resolved = await applyImport(
			await prepareImportText(JSON.stringify(changed), 'b.json'),
			'keep-both'
		);
		const copy = resolved.assessments.find((a) => a.id !== assessment.id)!;
		const copySide = sideEvidence((await repo.getAssessment(copy.id))!.assessment, indicator);
		expect(copySide.id).not.toBe(side.id);
		await repo.deleteAssessment(copy.id);
		expect(await repo.getFile(copySide.id)).toBeUndefined();
		expect(await (await repo.getFile(side.id))!.text()).toBe('统计部门的证据');
	});

	it('is deleted with the assessment', async () => {
		const { assessment } = await coordinatedWithSideFile();
		expect(heldAnswers(assessment).length).toBeGreaterThan(Object.keys(assessment.answers).length);
		await repo.deleteAssessment(assessment.id);
		expect(await repo.getFile('side-file')).toBeUndefined();
	});
});

/**
 * What the coordination page does with files: hand out a package (填报包) or a blank
 * questionnaire, and merge returns (回执). Glue between the session, storage and the domain; the
 * components only call these and show what they say.
 */
import { base } from '$app/paths';
import type { Assessment } from '$lib/domain/assessment';
import { InputError } from '$lib/domain/json-input';
import {
	HandoutError,
	issuePackage,
	mergeReturn,
	type MergeRefusal
} from '$lib/domain/coordination/core';
import { describeExportError } from '$lib/i18n/errors';
import type { MessageKey } from '$lib/i18n/messages';
import { withReportPack } from '$lib/report-pack/client';
import type { AssessmentSession } from '$lib/state/assessment-session.svelte';
import { download, fileNameFor, formatBytes, newId, today } from '$lib/state/library';
import { loadAllRubrics, rubricSourceOf } from '$lib/state/rubrics';
import { MAX_IMPORT_BYTES } from '$lib/storage/import-limit';
import { ownReturnEvidence } from '$lib/storage/coordination';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const snapshot = (session: AssessmentSession) => $state.snapshot(session.assessment) as Assessment;

/** Who acts: the coordinator's name, or the assessor when none was given. */
export const actorOf = (a: Assessment) => a.coordination?.coordinator || a.assessor;

/** "<subject>-<period>-填报包-<respondent>.json" */
function handoutFileName(a: Assessment, what: string, respondent: string, extension: string) {
	return fileNameFor(
		[[a.subject.name, a.period, what, respondent].filter(Boolean).join('-')],
		extension
	);
}

export function describeHandoutError(t: Translate, e: unknown): string {
	if (e instanceof HandoutError) return t(`coord.handout.${e.code}`);
	return t('storage.failed', { message: e instanceof Error ? e.message : String(e) });
}

/**
 * Records a package on the assessment and downloads it. The package is recorded first: a file
 * handed out is always one the assessment knows, so its return can be merged.
 */
export async function handOutPackage(
	session: AssessmentSession,
	respondentId: string,
	t: Translate
): Promise<{ ok: true; fileName: string } | { ok: false; message: string }> {
	try {
		const { assessment, file } = issuePackage(
			session.rubric,
			snapshot(session),
			respondentId,
			today()
		);
		session.update(assessment);
		await session.flush();
		if (session.saveState !== 'saved') return { ok: false, message: t('coord.handout.notSaved') };
		const fileName = handoutFileName(
			assessment,
			t('coord.packageWord'),
			file.respondent.name,
			'json'
		);
		download(fileName, JSON.stringify(file, null, 1), 'application/json');
		return { ok: true, fileName };
	} catch (e) {
		return { ok: false, message: describeHandoutError(t, e) };
	}
}

/** The blank questionnaire of one respondent as a PDF, drawn by the report renderer. */
export async function printQuestionnaire(
	session: AssessmentSession,
	respondentId: string,
	locale: 'zh' | 'en',
	t: Translate
): Promise<{ ok: true; fileName: string } | { ok: false; message: string }> {
	try {
		const assessment = snapshot(session);
		// The questionnaire's model loads on use: most visits to this page never print one.
		const { buildQuestionnaireModel } = await import('$lib/domain/report/questionnaire');
		const model = buildQuestionnaireModel({
			rubric: session.rubric,
			assessment,
			respondentId,
			locale,
			generatedOn: today()
		});
		const bytes = await withReportPack('pdf', async () => {
			const { renderReportPdf, fetchReportFonts } = await import('$lib/report');
			return renderReportPdf(model, { font: await fetchReportFonts(base) });
		});
		const name = assessment.coordination?.respondents.find((r) => r.id === respondentId)?.name;
		const fileName = handoutFileName(assessment, t('coord.questionnaireWord'), name ?? '', 'pdf');
		download(fileName, bytes, 'application/pdf');
		return { ok: true, fileName };
	} catch (e) {
		return {
			ok: false,
			message: describeExportError(t, e, 'results.pdfError')
		};
	}
}

export type ReturnOutcome = { name: string } & (
	| { kind: 'merged'; respondent: string; changed: number; conflicts: number }
	| { kind: 'duplicate' }
	| { kind: 'refused'; message: string }
);

/** Why a return was refused, in words: what the file is and what to do. */
export function describeRefusal(t: Translate, refusal: MergeRefusal, a: Assessment): string {
	const name = (id: string) => a.coordination?.respondents.find((r) => r.id === id)?.name ?? id;
	switch (refusal.code) {
		case 'other-assessment':
			return t('coord.refused.other-assessment', { subject: a.subject.name, period: a.period });
		case 'other-rubric':
			return t('coord.refused.other-rubric', {
				version: refusal.version,
				ours: a.rubric.version
			});
		case 'unknown-package':
			return t('coord.refused.unknown-package', { package: refusal.packageId });
		case 'other-respondent':
			return t('coord.refused.other-respondent', { package: refusal.packageId });
		case 'superseded':
			return t('coord.refused.superseded', {
				package: refusal.packageId,
				newer: refusal.newerPackageId
			});
		case 'unassigned':
			return t('coord.refused.unassigned', { ids: refusal.indicatorIds.join(t('punct.list')) });
		case 'stale':
			return t('coord.refused.stale', { sequence: refusal.sequence, merged: refusal.merged });
		case 'altered':
			return t('coord.refused.altered', { sequence: refusal.sequence });
		case 'finalised':
			return t('coord.refused.finalised', { by: refusal.by, on: refusal.on });
		case 'not-coordinated':
			return t('coord.refused.not-coordinated');
		default:
			return name('');
	}
}

/**
 * Merges returned files one after another, each all or nothing: a file is read and checked whole
 * (readCoordinationFile, then mergeReturn's checks) before anything is saved, and a merged return
 * lands with its evidence files in one transaction.
 */
export async function importReturns(
	session: AssessmentSession,
	files: readonly File[],
	t: Translate
): Promise<ReturnOutcome[]> {
	// The return file's schemas (zod) are loaded when files are chosen, not with the page.
	const [allRubrics, { readCoordinationFile }] = await Promise.all([
		loadAllRubrics(),
		import('$lib/domain/coordination/files')
	]);
	const rubrics = rubricSourceOf(allRubrics);
	const outcomes: ReturnOutcome[] = [];
	for (const f of files) {
		const name = f.name;
		try {
			if (f.size > MAX_IMPORT_BYTES) {
				outcomes.push({
					name,
					kind: 'refused',
					message: t('coord.refused.tooLarge', {
						size: formatBytes(f.size),
						limit: formatBytes(MAX_IMPORT_BYTES)
					})
				});
				continue;
			}
			const read = readCoordinationFile(await f.text(), name, rubrics);
			if (read.kind === 'package') {
				outcomes.push({ name, kind: 'refused', message: t('coord.refused.package') });
				continue;
			}
			const owned = ownReturnEvidence(read.file, newId);
			const current = snapshot(session);
			const outcome = mergeReturn(current, owned.file, { on: today(), by: actorOf(current) });
			if (outcome.kind === 'refused') {
				outcomes.push({
					name,
					kind: 'refused',
					message: describeRefusal(t, outcome.refusal, current)
				});
				continue;
			}
			if (outcome.kind === 'duplicate') {
				outcomes.push({ name, kind: 'duplicate' });
				continue;
			}
			const saved = await session.commit(outcome.assessment, owned.files);
			if (saved !== 'saved') {
				outcomes.push({ name, kind: 'refused', message: t('coord.refused.notSaved') });
				continue;
			}
			const respondent =
				current.coordination?.respondents.find((r) => r.id === read.file.respondentId)?.name ??
				read.file.respondentId;
			outcomes.push({
				name,
				kind: 'merged',
				respondent,
				changed: outcome.changed.length,
				conflicts: outcome.conflicts.length
			});
		} catch (e) {
			const message =
				e instanceof InputError
					? t('coord.refused.invalid', {
							problems: e.problems
								.slice(0, 5)
								.map((p) => `${p.path} ${p.message}`)
								.join(t('punct.semicolon'))
						})
					: t('storage.failed', { message: e instanceof Error ? e.message : String(e) });
			outcomes.push({ name, kind: 'refused', message });
		}
	}
	return outcomes;
}

import { buildReportModel } from '../../lib/domain/report-model';
import { loadReportFonts, STATIC_FONTS_DIR } from '../../lib/report/node';
import { guidelineNodes, typicalCases } from '../../lib/rubrics/guideline';
import { readBrand } from '../brand';
import { InputError, UsageError } from '../errors';
import { checkOutputPath, write, writeOutputAtomically } from '../io';
import type { Command } from '../options';
import { loadAssessmentFile, today } from '../shared';

const isDefined = (f: string | undefined): f is string => f !== undefined;

/** `report FILE -o OUT.pdf [--previous EARLIER.json] [--brand BRAND.json]`: the PDF report. */
export const run: Command = async ([file], opts) => {
	if (!file) throw new UsageError('report needs a FILE');
	if (!opts.output) throw new UsageError('report needs -o OUT.pdf');
	checkOutputPath(opts.output, [file, opts.previous, opts.brand].filter(isDefined), 'report');
	// The 30 MB of fonts load off the main thread while the input is parsed and checked, and
	// the PDF code (only this command loads it) is prepared by the module loader meanwhile.
	const fontsLoading = loadReportFonts();
	fontsLoading.catch(() => {});
	const rendererLoading = import('../../lib/report');
	rendererLoading.catch(() => {});
	// Everything is read and checked before anything is written.
	const { assessment, rubric } = loadAssessmentFile(file);
	const previous = opts.previous ? loadAssessmentFile(opts.previous) : undefined;
	if (previous) {
		if (previous.rubric.id !== rubric.id)
			throw new InputError(opts.previous!, [
				{
					path: '$.rubric.id',
					message: `was assessed with ${previous.rubric.id}, not ${rubric.id}: the two cannot be compared`
				}
			]);
		if (previous.assessment.subject.id !== assessment.subject.id)
			process.stderr.write(
				`warning: the two files are of different subjects (${previous.assessment.subject.name} / ${assessment.subject.name})\n`
			);
	}
	const brand = opts.brand ? readBrand(opts.brand) : undefined;
	const { renderReportPdf, ReportRenderError } = await rendererLoading;
	const { FontFormatError } = await import('../../lib/report/font-coverage');
	let font;
	try {
		font = await fontsLoading;
	} catch (e) {
		throw new InputError(STATIC_FONTS_DIR, [
			{ path: '', message: `cannot use the report fonts: ${(e as Error).message}` }
		]);
	}
	const model = buildReportModel({
		rubric,
		assessment,
		previous,
		catalog: { nodes: guidelineNodes, cases: typicalCases },
		locale: opts.lang,
		generatedOn: today(),
		preparedBy: brand?.preparedBy
	});
	let pdf: Uint8Array;
	try {
		pdf = await renderReportPdf(model, {
			font,
			branding: brand,
			onUnprintable: (c) =>
				void (
					c.length &&
					process.stderr.write(
						`warning: the report fonts lack ${c.length} character(s) of ${file} (${c.slice(0, 12).join(' ')}), printed as □\n`
					)
				)
		});
	} catch (e) {
		// The one input the renderer itself can find wrong is the logo's image data.
		if (e instanceof ReportRenderError && opts.brand)
			throw new InputError(opts.brand, [{ path: '$.logo', message: e.message }]);
		if (e instanceof FontFormatError)
			throw new InputError(STATIC_FONTS_DIR, [{ path: '', message: e.message }]);
		throw e;
	}
	const inputs = [file, opts.previous, opts.brand, brand?.logoFile].filter(isDefined);
	writeOutputAtomically(opts.output, pdf, inputs, 'report');
	write(`${opts.output}: ${Math.ceil(pdf.byteLength / 1024)} KB`);
};

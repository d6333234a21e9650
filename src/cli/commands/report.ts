import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildReportModel, type ReportModel } from '../../lib/domain/report-model';
import { loadReportFonts, STATIC_FONTS_DIR } from '../../lib/report/node';
import { guidelineNodes, typicalCases } from '../../lib/rubrics/guideline';
import { refuseUnmatchedPatterns } from '../batch';
import { readBrand } from '../brand';
import { EXIT_INVALID_INPUT, InputError, UsageError } from '../errors';
import { checkOutputPath, write, writeOutputAtomically } from '../io';
import type { Command, Options } from '../options';
import { loadAssessmentFile, today } from '../shared';

const isDefined = (f: string | undefined): f is string => f !== undefined;

type Brand = ReturnType<typeof readBrand>;

/** The report's format follows the extension of -o. */
function reportFormat(output: string): 'pdf' | 'docx' {
	const ext = path.extname(output).toLowerCase();
	if (ext === '.pdf' || ext === '.docx') return ext === '.pdf' ? 'pdf' : 'docx';
	throw new UsageError(
		`report writes a PDF (-o OUT.pdf) or a Word document (-o OUT.docx); the format follows the extension of -o, and "${output}" has ${ext ? `the extension ${ext}` : 'none'}`
	);
}

/**
 * `report FILE -o OUT.pdf|OUT.docx [--previous EARLIER.json] [--brand BRAND.json]`: the PDF
 * report, or the same report as a Word document to finish in Word or WPS.
 * `report FILE… -o OUTDIR/ [--format pdf|docx]`: one report per file into OUTDIR (made when
 * missing), named after each file, in one process: the fonts and the renderer load once.
 */
export const run: Command = async (files, opts) => {
	if (files.length === 0) throw new UsageError('report needs a FILE');
	refuseUnmatchedPatterns(files);
	if (!opts.output)
		throw new UsageError(
			'report needs -o OUT.pdf or -o OUT.docx (or -o OUTDIR/ for several files)'
		);
	// One file goes to the named file (an existing folder there is refused as before), unless
	// -o ends with a slash; several files always go into a folder.
	if (files.length === 1 && !endsWithSlash(opts.output)) {
		// Where it would write is checked first: onto a device or over an input is the graver mistake.
		checkOutputPath(
			opts.output,
			[files[0]!, opts.previous, opts.brand].filter(isDefined),
			'report'
		);
		const format = reportFormat(opts.output);
		if (opts.format && opts.format !== format)
			throw new UsageError(
				`--format ${opts.format} disagrees with the extension of -o ${opts.output}`
			);
		// The fonts load off the main thread while the input is parsed and checked, and the
		// renderer (only this command loads it) is prepared by the module loader meanwhile.
		const renderer = format === 'pdf' ? startPdf() : startDocx();
		return reportOne(files[0]!, opts.output, renderer, opts);
	}
	if (!isDirectoryTarget(opts.output) && /\.(pdf|docx)$/i.test(opts.output))
		throw new UsageError(
			`${files.length} files make ${files.length} reports: give -o a folder (e.g. -o reports/), not ${opts.output}`
		);
	if (opts.previous)
		throw new UsageError('--previous compares one file with an earlier one: give one FILE with it');
	const format = opts.format ?? 'pdf';
	if (format !== 'pdf' && format !== 'docx') throw new UsageError('--format must be pdf or docx');
	const targets = files.map((file) => ({
		file,
		output: path.join(opts.output!, `${path.basename(file).replace(/\.json$/i, '')}.${format}`)
	}));
	const seen = new Map<string, string>();
	for (const t of targets) {
		const other = seen.get(t.output);
		if (other)
			throw new UsageError(
				`${other} and ${t.file} would both be written to ${t.output}; rename one`
			);
		seen.set(t.output, t.file);
	}
	mkdirSync(opts.output, { recursive: true });
	const renderer = format === 'pdf' ? startPdf() : startDocx();
	let failed = 0;
	for (const { file, output } of targets) {
		try {
			checkOutputPath(output, [...files, opts.brand].filter(isDefined), 'report');
			await reportOne(file, output, renderer, opts);
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			failed++;
			process.stderr.write(`error: ${e.message}\n`);
		}
	}
	if (failed) {
		process.stderr.write(`${failed} of ${files.length} reports not written\n`);
		process.exitCode = EXIT_INVALID_INPUT;
	}
};

const endsWithSlash = (output: string) => /[\\/]$/.test(output);

/** `-o` names a folder: it ends with a slash or is an existing directory. */
function isDirectoryTarget(output: string): boolean {
	if (endsWithSlash(output)) return true;
	try {
		return statSync(output).isDirectory();
	} catch {
		return false;
	}
}

async function reportOne(file: string, output: string, renderer: Render, opts: Options) {
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
	const model = buildReportModel({
		rubric,
		assessment,
		previous,
		catalog: { nodes: guidelineNodes, cases: typicalCases },
		locale: opts.lang,
		generatedOn: today(),
		preparedBy: brand?.preparedBy
	});
	const bytes = await renderer(model, file, brand, opts.brand);
	const inputs = [file, opts.previous, opts.brand, brand?.logoFile].filter(isDefined);
	writeOutputAtomically(output, bytes, inputs, 'report');
	write(`${output}: ${Math.ceil(bytes.byteLength / 1024)} KB`);
}

type Render = (
	model: ReportModel,
	file: string,
	brand: Brand | undefined,
	brandFile: string | undefined
) => Promise<Uint8Array>;

const fontError = (e: unknown) =>
	new InputError(STATIC_FONTS_DIR, [
		{ path: '', message: `cannot use the report fonts: ${(e as Error).message}` }
	]);

function startPdf(): Render {
	const fontsLoading = loadReportFonts();
	fontsLoading.catch(() => {});
	const rendererLoading = import('../../lib/report');
	rendererLoading.catch(() => {});
	return async (model, file, brand, brandFile) => {
		const { renderReportPdf, ReportRenderError } = await rendererLoading;
		const { FontFormatError } = await import('../../lib/report/font-coverage');
		let font;
		try {
			font = await fontsLoading;
		} catch (e) {
			throw fontError(e);
		}
		try {
			return await renderReportPdf(model, {
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
			if (e instanceof ReportRenderError && brandFile)
				throw new InputError(brandFile, [{ path: '$.logo', message: e.message }]);
			if (e instanceof FontFormatError)
				throw new InputError(STATIC_FONTS_DIR, [{ path: '', message: e.message }]);
			throw e;
		}
	};
}

function startDocx(): Render {
	const fontLoading = import('../../lib/report/docx/node').then((m) => m.loadChartFont());
	fontLoading.catch(() => {});
	const rendererLoading = import('../../lib/report/docx');
	rendererLoading.catch(() => {});
	return async (model, _file, brand) => {
		const { renderReportDocx } = await rendererLoading;
		let chartFont;
		try {
			chartFont = await fontLoading;
		} catch (e) {
			throw fontError(e);
		}
		// Word draws text with the fonts of the reader's computer, so no character is unprintable
		// here: Word and WPS substitute a font for those 宋体 and 黑体 lack.
		return renderReportDocx(model, { chartFont, branding: brand });
	};
}

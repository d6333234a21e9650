import { describe, expect, it } from 'vitest';
import {
	findReportPackFiles,
	ReportPackBuildError,
	summarizeReportPack,
	type BuildChunk
} from '../../src/lib/report-pack';

const chunk = (fileName: string, part: Partial<BuildChunk> = {}): BuildChunk => ({
	fileName,
	isEntry: false,
	facadeModuleId: null,
	imports: [],
	dynamicImports: [],
	assets: [],
	...part
});

const EXPORTS = { pdf: '/src/pdf.ts', word: '/src/docx.ts', excel: '/src/xlsx.ts' };

/**
 * An app shaped like ours: an entry with a route that loads its rubric and charts on demand,
 * and the three exports behind dynamic imports, with libraries, WebAssembly and shared code.
 */
function appGraph(): BuildChunk[] {
	return [
		chunk('entry.js', { isEntry: true, imports: ['runtime.js'], dynamicImports: ['route.js'] }),
		chunk('runtime.js'),
		chunk('route.js', {
			imports: ['runtime.js', 'format.js'],
			dynamicImports: ['rubric.js', 'charts.js', 'pdf.js', 'docx.js', 'xlsx.js']
		}),
		chunk('rubric.js'),
		chunk('charts.js'),
		chunk('format.js'),
		chunk('pdf.js', {
			facadeModuleId: EXPORTS.pdf,
			imports: ['format.js', 'report-common.js'],
			dynamicImports: ['jspdf.js', 'harfbuzz-url.js']
		}),
		chunk('jspdf.js', { dynamicImports: ['html2canvas.js'] }),
		chunk('html2canvas.js'),
		chunk('harfbuzz-url.js', { assets: ['harfbuzz.wasm'] }),
		chunk('docx.js', {
			facadeModuleId: EXPORTS.word,
			imports: ['report-common.js'],
			assets: ['resvg.wasm']
		}),
		chunk('report-common.js'),
		chunk('xlsx.js', { facadeModuleId: EXPORTS.excel, dynamicImports: ['exceljs.js'] }),
		chunk('exceljs.js')
	];
}

describe('which build files are the offline reports pack', () => {
	it('takes everything only the exports reach, by export, and what two exports share', () => {
		const pack = findReportPackFiles(appGraph(), EXPORTS);
		expect(Object.fromEntries([...pack].sort())).toEqual({
			'docx.js': 'word',
			'exceljs.js': 'excel',
			'harfbuzz-url.js': 'pdf',
			'harfbuzz.wasm': 'pdf',
			'html2canvas.js': 'pdf',
			'jspdf.js': 'pdf',
			'pdf.js': 'pdf',
			'report-common.js': 'shared',
			'resvg.wasm': 'word',
			'xlsx.js': 'excel'
		});
	});

	it('leaves out code the app also loads without exporting (statically or on demand)', () => {
		const graph = appGraph();
		// The results page starts using the PDF's shared helper and jsPDF's html2canvas directly.
		graph.find((c) => c.fileName === 'route.js')!.dynamicImports = [
			...graph.find((c) => c.fileName === 'route.js')!.dynamicImports,
			'html2canvas.js'
		];
		graph.find((c) => c.fileName === 'charts.js')!.imports = ['report-common.js'];
		const pack = findReportPackFiles(graph, EXPORTS);
		for (const file of [
			'format.js',
			'rubric.js',
			'charts.js',
			'html2canvas.js',
			'report-common.js'
		])
			expect(pack.has(file), file).toBe(false);
		expect(pack.get('jspdf.js')).toBe('pdf');
	});

	it('fails the build when an export is imported statically, so it would load on every visit', () => {
		const graph = appGraph();
		graph.find((c) => c.fileName === 'route.js')!.imports = ['runtime.js', 'xlsx.js'];
		expect(() => findReportPackFiles(graph, EXPORTS)).toThrow(/excel export.*imported statically/);
	});

	it('fails the build when an export module has no chunk of its own', () => {
		const graph = appGraph().filter((c) => c.fileName !== 'docx.js');
		expect(() => findReportPackFiles(graph, EXPORTS)).toThrow(ReportPackBuildError);
		expect(() => findReportPackFiles(graph, EXPORTS)).toThrow(/docx\.ts \(word export\)/);
	});
});

describe('the pack as Settings shows it', () => {
	it('sums each group and says whether all, some or none of it is cached', () => {
		const file = (
			path: string,
			group: 'fonts' | 'pdf' | 'excel',
			bytes: number,
			cached: boolean
		) => ({
			path,
			group,
			bytes,
			hash: path,
			cached
		});
		expect(
			summarizeReportPack([
				file('pdf.js', 'pdf', 100, true),
				file('a.ttf', 'fonts', 1000, true),
				file('b.ttf', 'fonts', 500, false),
				file('jspdf.js', 'pdf', 300, true),
				file('xlsx.js', 'excel', 40, false)
			])
		).toEqual([
			{ group: 'fonts', bytes: 1500, cachedBytes: 1000, cached: 'some' },
			{ group: 'pdf', bytes: 400, cachedBytes: 400, cached: 'all' },
			{ group: 'excel', bytes: 40, cachedBytes: 0, cached: 'none' }
		]);
	});
});

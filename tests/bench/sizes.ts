/**
 * Sizes from the built app (build/): the JavaScript each prerendered page preloads before it is
 * interactive (gzip), the service-worker precache, the offline reports pack (not precached), and
 * the rubric data.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ReportPackGroup, ReportPackIndex } from '../../src/lib/report-pack';

const BUILD = path.resolve('build');
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

/** Every page's HTML file, keyed by its route. */
export function prerenderedPages(): Map<string, string> {
	const pages = new Map<string, string>();
	for (const file of walk(BUILD))
		if (file.endsWith('index.html')) {
			const route = '/' + path.relative(BUILD, path.dirname(file)).split(path.sep).join('/');
			pages.set(route === '/.' ? '/' : `${route.replace(/\/$/, '')}/`.replace('//', '/'), file);
		}
	return pages;
}

/** JS files a page loads before hydration: modulepreloads and the entry imports in its HTML. */
export function pageScripts(html: string): string[] {
	const urls = new Set<string>();
	for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]*>/g)) {
		const href = /href="([^"]+)"/.exec(m[0])?.[1];
		if (href) urls.add(href);
	}
	for (const m of html.matchAll(/import\("([^"]+\.js)"\)/g)) urls.add(m[1]!);
	return [...urls].map((u) => path.join(BUILD, u.replace(/^\.?\//, '').replace(/^(\.\.\/)+/, '')));
}

export interface SizeRow {
	name: string;
	kb: number;
	budget?: number;
}

export function measureBuildSizes(): SizeRow[] {
	const rows: SizeRow[] = [];
	for (const [route, file] of [...prerenderedPages()].sort()) {
		const scripts = pageScripts(readFileSync(file, 'utf8'));
		const total = scripts.reduce((sum, s) => sum + gz(s), 0);
		rows.push({
			name: `JS before interactive, ${route} (gzip)`,
			kb: total / 1024,
			// The budget (#19): no page loads more than 100 KB of JavaScript before it responds.
			budget: 100
		});
	}
	const all = walk(BUILD).filter((f) => !f.endsWith('service-worker.js'));
	// The offline reports pack (src/lib/report-pack): not precached, fetched on use or on request.
	const indexFile = all.find((f) => /report-pack\.[\w-]+\.json$/.test(f));
	if (!indexFile) throw new Error('build/ has no report-pack index: build again');
	const pack = (JSON.parse(readFileSync(indexFile, 'utf8')) as ReportPackIndex).files;
	const packPaths = new Set(pack.map((f) => path.join(BUILD, f.path)));
	const packBytes = (groups: ReportPackGroup[]) =>
		pack.filter((f) => groups.includes(f.group)).reduce((s, f) => s + f.bytes, 0);
	const precached = all.filter((f) => !packPaths.has(f));
	rows.push({
		name: 'precache before offline-ready (raw)',
		kb: precached.reduce((s, f) => s + statSync(f).size, 0) / 1024
	});
	rows.push({
		name: 'precache before offline-ready (gzip)',
		kb: precached.reduce((s, f) => s + gz(f), 0) / 1024
	});
	rows.push({
		name: 'offline reports pack: export code and WebAssembly (raw)',
		kb: packBytes(['pdf', 'word', 'excel', 'shared']) / 1024
	});
	rows.push({
		name: 'offline reports pack: report fonts (raw)',
		kb: packBytes(['fonts']) / 1024,
		budget: 8 * 1024
	});
	rows.push({
		name: 'offline reports pack: rare-character font (raw)',
		kb: packBytes(['rareFont']) / 1024
	});
	// Rubric data: the chunks the rubric plugin emits (they hold the rubric ids).
	for (const file of walk(path.join(BUILD, '_app'))) {
		if (!file.endsWith('.js')) continue;
		const text = readFileSync(file, 'utf8');
		for (const id of ['gd-city-readiness', 'gd-enterprise-maturity'])
			// The minifier may print the rubric object with any quote style.
			if (new RegExp(`id:\\s*[\`"']${id}[\`"']`).test(text) && /pillars\s*:/.test(text))
				rows.push({ name: `rubric data ${id} (gzip)`, kb: gz(file) / 1024 });
	}
	return rows;
}

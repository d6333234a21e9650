// Modules the build makes (vite.config.ts).
declare module 'virtual:guideline-titles' {
	const titles: import('$lib/rubrics/guideline-titles').GuidelineTitles;
	export default titles;
}

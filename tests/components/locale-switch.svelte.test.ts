import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../src/lib/state/locale.svelte';

describe('switching the interface language (English loaded on use)', () => {
	afterEach(async () => {
		await locale.set('zh');
		localStorage.clear();
	});

	// First, while the English messages are not loaded yet: that is when a switch takes time.
	it('a later choice wins over an earlier one still loading', async () => {
		const toEnglish = locale.set('en');
		const backToChinese = locale.set('zh');
		await Promise.all([toEnglish, backToChinese]);
		expect(locale.current).toBe('zh');
		expect(locale.t('nav.home')).toBe('首页');
		expect(document.documentElement.lang).toBe('zh-CN');
	});

	it('switches once the English messages are loaded, and remembers the choice', async () => {
		expect(locale.t('nav.home')).toBe('首页');
		await locale.set('en');
		expect(locale.current).toBe('en');
		expect(locale.t('nav.home')).toBe('Home');
		expect(document.documentElement.lang).toBe('en');
		expect(localStorage.getItem('gd-assess.locale')).toBe('en');
	});

	it('restores the remembered English interface', async () => {
		localStorage.setItem('gd-assess.locale', 'en');
		await locale.restore();
		expect(locale.t('nav.home')).toBe('Home');
	});
});

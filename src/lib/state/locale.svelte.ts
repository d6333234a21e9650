import {
	loadDictionary,
	translate,
	languageTags,
	type Locale,
	type MessageKey
} from '$lib/i18n/messages';

const STORAGE_KEY = 'gd-assess.locale';

function readStoredLocale(): Locale {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		return stored === 'en' || stored === 'zh' ? stored : 'zh';
	} catch {
		// Storage can be blocked (private mode, policies): fall back to the default language.
		return 'zh';
	}
}

/** The interface language: Chinese by default, remembered on this device. */
class LocaleState {
	current = $state<Locale>('zh');

	/** The latest language asked for: a slower earlier switch must not override a later one. */
	private wanted: Locale = 'zh';

	/** Reads the remembered choice; called once in the browser (prerendering always renders zh). */
	restore(): Promise<void> {
		return this.switchTo(readStoredLocale());
	}

	set(locale: Locale): Promise<void> {
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, locale);
		} catch {
			// Not remembered, but the switch still applies to this visit.
		}
		return this.switchTo(locale);
	}

	/**
	 * The interface changes language only once that language's messages are loaded, so every
	 * text shown (and every text computed from `current`) is in one language at a time; until
	 * then the page stays in the language it is in.
	 */
	private async switchTo(locale: Locale) {
		this.wanted = locale;
		try {
			await loadDictionary(locale);
		} catch {
			// Not loadable (offline before the app was cached): the page stays as it is.
			return;
		}
		if (this.wanted !== locale) return;
		this.current = locale;
		this.applyToDocument();
	}

	t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(this.current, key, params);

	private applyToDocument() {
		if (typeof document !== 'undefined') document.documentElement.lang = languageTags[this.current];
	}
}

export const locale = new LocaleState();

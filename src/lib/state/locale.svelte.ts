import { translate, languageTags, type Locale, type MessageKey } from '$lib/i18n/messages';

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

	/** Reads the remembered choice; called once in the browser (prerendering always renders zh). */
	restore() {
		this.current = readStoredLocale();
		this.applyToDocument();
	}

	set(locale: Locale) {
		this.current = locale;
		try {
			globalThis.localStorage?.setItem(STORAGE_KEY, locale);
		} catch {
			// Not remembered, but the switch still applies to this visit.
		}
		this.applyToDocument();
	}

	t = (key: MessageKey, params?: Record<string, string | number>) =>
		translate(this.current, key, params);

	private applyToDocument() {
		if (typeof document !== 'undefined') document.documentElement.lang = languageTags[this.current];
	}
}

export const locale = new LocaleState();

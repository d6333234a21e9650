/**
 * Tables wider than a phone scroll inside their own box (`.table-wrap`). A keyboard user must be
 * able to scroll such a box too, so a box that overflows becomes focusable and is named after its
 * table (its caption, else the heading above it). Attached once to <main>, it follows every page.
 */
import type { Attachment } from 'svelte/attachments';

const BOX = '.table-wrap';

function nameOf(box: HTMLElement): string {
	const caption = box.querySelector('caption')?.textContent?.trim();
	if (caption) return caption;
	for (let el: Element | null = box; el && el.tagName !== 'MAIN'; el = el.parentElement) {
		for (let prev = el.previousElementSibling; prev; prev = prev.previousElementSibling) {
			const heading = prev.matches('h1, h2, h3, h4, summary')
				? prev
				: prev.querySelector('h1, h2, h3, h4');
			if (heading?.textContent?.trim()) return heading.textContent.trim();
		}
	}
	return '';
}

function update(box: HTMLElement) {
	const overflows = box.scrollWidth > box.clientWidth + 1;
	if (overflows === box.hasAttribute('tabindex')) return;
	if (overflows) {
		box.tabIndex = 0;
		const name = nameOf(box);
		if (name) {
			box.setAttribute('role', 'group');
			box.setAttribute('aria-label', name);
		}
	} else {
		box.removeAttribute('tabindex');
		box.removeAttribute('role');
		box.removeAttribute('aria-label');
	}
}

export const scrollBoxes: Attachment<HTMLElement> = (main) => {
	const sizes = new ResizeObserver((entries) => {
		for (const entry of entries) {
			const box = entry.target.closest<HTMLElement>(BOX);
			if (box) update(box);
		}
	});
	const watched = new WeakSet<Element>();
	const scan = () => {
		for (const box of main.querySelectorAll<HTMLElement>(BOX))
			if (!watched.has(box)) {
				watched.add(box);
				sizes.observe(box);
				// The table inside can grow without the box changing size (rows added).
				const table = box.firstElementChild;
				if (table) sizes.observe(table);
			}
	};
	const changes = new MutationObserver(scan);
	changes.observe(main, { childList: true, subtree: true });
	scan();
	return () => {
		changes.disconnect();
		sizes.disconnect();
	};
};

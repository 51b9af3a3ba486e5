/**
 * Opens the search dialog from the header entry, Ctrl/Cmd+K or "/" (not while typing in a field). The
 * search element itself is loaded on first use, so reading a page does not pay for it.
 */
import type { SearchElement } from '../components/search/search-element';

const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
const ui = dialog?.querySelector<SearchElement>('oca-search');
let loading: Promise<SearchElement> | undefined;
/** Loads the search element once; it upgrades <oca-search> in place. */
const load = () =>
	(loading ??= import('../components/search/search-element').then(() => customElements.whenDefined('oca-search')).then(() => ui!));

if (dialog && ui && 'showModal' in dialog) {
	let opener: HTMLElement | null = null;
	const open = () => {
		if (dialog.open) return;
		opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
		dialog.showModal();
		// The box takes focus (and typing) at once; the element catches up with what was typed when it loads.
		dialog.querySelector<HTMLInputElement>('[data-input]')!.focus();
		// Fetch Pagefind alongside the element rather than after it (the same URL, so the same module).
		import(/* @vite-ignore */ `${(ui.dataset.base ?? '/').replace(/\/?$/, '/')}pagefind/pagefind.js`).catch(() => {});
		load().then((el) => el.warm());
	};
	dialog.addEventListener('close', () => opener?.focus());
	// Escape closes the dialog at once; in a search box it would otherwise first clear the query the reader may come back to.
	dialog.addEventListener('keydown', (e) => {
		if (e.key !== 'Escape' || e.isComposing) return;
		e.preventDefault();
		dialog.close();
	});
	dialog.querySelector('[data-close-search]')!.addEventListener('click', () => dialog.close());
	dialog.addEventListener('click', (e) => { if (e.target === dialog) dialog.close(); });
	for (const entry of document.querySelectorAll<HTMLAnchorElement>('[data-open-search]')) {
		entry.setAttribute('role', 'button');
		entry.setAttribute('aria-haspopup', 'dialog');
		entry.setAttribute('aria-keyshortcuts', 'Control+K Meta+K /');
		entry.addEventListener('click', (e) => { e.preventDefault(); open(); });
		entry.addEventListener('pointerenter', () => load().then((el) => el.warm()), { once: true });
		entry.addEventListener('keydown', (e) => { if (e.key === ' ') { e.preventDefault(); open(); } });
	}
	const typing = (t: EventTarget | null) =>
		t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
	document.addEventListener('keydown', (e) => {
		if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey) {
			e.preventDefault();
			if (dialog.open) dialog.close(); else open();
		} else if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target) && !dialog.open) {
			e.preventDefault();
			open();
		}
	});
}

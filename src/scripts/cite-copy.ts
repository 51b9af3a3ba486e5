/**
 * <oca-cite>: the "Cite this page" block. Its text is in the HTML; this shows a copy button for each
 * format and sets the date of access from the build's to today's. And "Copy page", which copies the page's
 * Markdown twin (the link beside it) to the clipboard.
 */
import { ui } from './ui.ts';
import { formatDate } from '../lib/dates.ts';

class Cite extends HTMLElement {
	connectedCallback() {
		const today = new Date();
		const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
		for (const time of this.querySelectorAll<HTMLTimeElement>('time[data-accessed]')) {
			time.dateTime = iso;
			time.textContent = time.dataset.accessed === 'iso' ? iso : formatDate(new Date(`${iso}T00:00:00Z`));
		}
		const status = this.querySelector<HTMLElement>('[data-status]');
		if (!navigator.clipboard) return;
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
			const source = button.parentElement?.querySelector<HTMLElement>('[data-copy-text]');
			if (!source) continue;
			button.hidden = false;
			button.addEventListener('click', async () => {
				try {
					await navigator.clipboard.writeText(source.textContent ?? '');
					if (status) status.textContent = ui('copied');
					button.dataset.copied = '';
				} catch {
					if (status) status.textContent = ui('copyFailed');
				}
			});
		}
	}
}
customElements.define('oca-cite', Cite);

const copyPage = document.querySelector<HTMLButtonElement>('[data-copy-page]');
const twin = document.querySelector<HTMLAnchorElement>('[data-markdown-link]');
if (copyPage && twin && navigator.clipboard) {
	const status = document.querySelector<HTMLElement>('[data-copy-page-status]');
	copyPage.hidden = false;
	copyPage.addEventListener('click', async () => {
		const text = fetch(twin.href).then((r) => {
			if (!r.ok) throw new Error(String(r.status));
			return r.text();
		});
		try {
			// A ClipboardItem takes the text while it is still arriving, so the click's permission holds.
			if ('ClipboardItem' in window) await navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((t) => new Blob([t], { type: 'text/plain' })) })]);
			else await navigator.clipboard.writeText(await text);
			if (status) status.textContent = ui('pageCopied');
			copyPage.dataset.copied = '';
		} catch {
			if (status) status.textContent = ui('pageCopyFailed');
		}
	});
}

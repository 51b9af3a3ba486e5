/**
 * <oca-cite>: the "Cite this page" block. Its text is in the HTML; this shows a copy button for each
 * format and sets the date of access from the build's to today's.
 */
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
					if (status) status.textContent = 'Copied.';
					button.dataset.copied = '';
				} catch {
					if (status) status.textContent = 'Could not copy; select the text instead.';
				}
			});
		}
	}
}
customElements.define('oca-cite', Cite);

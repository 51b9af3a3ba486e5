/** <oca-theme-select>: Auto, Light or Dark, saved in localStorage and applied at once. */
class ThemeSelect extends HTMLElement {
	connectedCallback() {
		const select = this.querySelector('select')!;
		let saved: string | null = null;
		try { saved = localStorage.getItem('oca-theme'); } catch {}
		select.value = saved === 'light' || saved === 'dark' ? saved : 'auto';
		select.addEventListener('change', () => {
			const value = select.value;
			if (value === 'auto') delete document.documentElement.dataset.theme;
			else document.documentElement.dataset.theme = value;
			try {
				if (value === 'auto') localStorage.removeItem('oca-theme');
				else localStorage.setItem('oca-theme', value);
			} catch {}
		});
	}
}
customElements.define('oca-theme-select', ThemeSelect);

/** <oca-toc>: marks the section being read with aria-current while the reader scrolls. */
class Toc extends HTMLElement {
	connectedCallback() {
		const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
		const targets = links
			.map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
			.filter((el): el is HTMLElement => el !== null);
		const mark = () => {
			const offset = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
			let current = targets[0];
			for (const t of targets) if (t.getBoundingClientRect().top - offset <= 8) current = t;
			for (const a of links) {
				if (current && a.hash === `#${current.id}`) a.setAttribute('aria-current', 'true');
				else a.removeAttribute('aria-current');
			}
		};
		let queued = false;
		addEventListener('scroll', () => {
			if (queued) return;
			queued = true;
			requestAnimationFrame(() => { queued = false; mark(); });
		}, { passive: true });
		mark();
	}
}
customElements.define('oca-toc', Toc);

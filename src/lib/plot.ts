/**
 * Draws Observable Plot charts at build time into static SVG markup, with a DOM shim instead of a
 * browser. Plot's embedded <style> is dropped (the site's CSS styles charts), so the output needs no
 * inline styles and no client script.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** Renders Plot options to an SVG string; colours come from `currentColor` and CSS custom properties. */
export function renderPlot(options: Plot.PlotOptions): string {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const figure = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as Element;
	for (const style of [...figure.querySelectorAll('style')]) style.remove();
	// The whole chart is one image with its own name and description; inner labels would be ignored by
	// assistive technology and are invalid on <g>.
	for (const node of [...figure.querySelectorAll('[aria-label], [aria-description]')]) {
		node.removeAttribute('aria-label');
		node.removeAttribute('aria-description');
	}
	figure.setAttribute('role', 'img');
	return figure.outerHTML;
}

export { Plot };

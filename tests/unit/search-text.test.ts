import { describe, expect, it } from 'vitest';
import { decodeEntities, excerptSegments, readState, writeState, MAX_QUERY } from '../../src/lib/search-text.ts';
import { formatPartialDate } from '../../src/lib/dates.ts';

describe('excerptSegments', () => {
	it('splits on <mark> and keeps text only', () => {
		expect(excerptSegments('a <mark>stoke</mark> b')).toEqual([
			{ text: 'a ', mark: false },
			{ text: 'stoke', mark: true },
			{ text: ' b', mark: false },
		]);
	});
	it('decodes escaped markup into text instead of markup', () => {
		const segments = excerptSegments('&lt;img src=x onerror=alert(1)&gt; &amp; &#39;q&#x27;');
		expect(segments).toEqual([{ text: `<img src=x onerror=alert(1)> & 'q'`, mark: false }]);
	});
	it('drops any tag other than mark, keeping its text', () => {
		expect(excerptSegments('<b>bold</b> <script>x</script>')).toEqual([{ text: 'bold x', mark: false }]);
	});
	it('leaves unknown or invalid references as written', () => {
		expect(decodeEntities('&bogus; &#0; &#x110000;')).toBe('&bogus; &#0; &#x110000;');
	});
});

describe('URL state', () => {
	it('reads q and theme, cutting very long queries', () => {
		expect(readState('?q=nova&theme=Rocketry')).toEqual({ q: 'nova', theme: 'Rocketry' });
		expect(readState(`?q=${'x'.repeat(10_000)}`).q).toHaveLength(MAX_QUERY);
		expect(readState('')).toEqual({ q: '', theme: '' });
	});
	it('writes state, drops empty values and keeps other parameters', () => {
		expect(writeState('?a=1', { q: 'stoke space', theme: '' })).toBe('?a=1&q=stoke+space');
		expect(writeState('?q=old&theme=Rivalry', { q: '', theme: '' })).toBe('');
	});
	it('round-trips awkward input', () => {
		const q = `"><script>alert(1)</script> مرحبا 🚀 &`;
		expect(readState(writeState('', { q, theme: 'Space data centres' }))).toEqual({ q, theme: 'Space data centres' });
	});
});

describe('formatPartialDate', () => {
	it('shows only the precision it was given', () => {
		expect(formatPartialDate('2025-12-04')).toBe('4 December 2025');
		expect(formatPartialDate('2025-06')).toBe('June 2025');
		expect(formatPartialDate('2019')).toBe('2019');
	});
});

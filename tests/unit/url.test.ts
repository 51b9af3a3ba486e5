import { describe, expect, it } from 'vitest';
import { docPath, joinBase } from '../../src/lib/url.ts';

describe('joinBase', () => {
	it('prefixes the base once, with or without slashes', () => {
		expect(joinBase('/', '/rocketry/')).toBe('/rocketry/');
		expect(joinBase('/sub/', '/rocketry/')).toBe('/sub/rocketry/');
		expect(joinBase('/sub', 'rocketry/')).toBe('/sub/rocketry/');
		expect(joinBase('/sub/', '/')).toBe('/sub/');
	});
	it('leaves absolute URLs, protocol-relative URLs, fragments and queries alone', () => {
		expect(joinBase('/sub/', 'https://example.org/x')).toBe('https://example.org/x');
		expect(joinBase('/sub/', 'mailto:a@b.c')).toBe('mailto:a@b.c');
		expect(joinBase('/sub/', '//cdn.example/x')).toBe('//cdn.example/x');
		expect(joinBase('/sub/', '#refs')).toBe('#refs');
		expect(joinBase('/sub/', '?q=1')).toBe('?q=1');
	});
});

describe('docPath', () => {
	it('turns an id into a site path', () => {
		expect(docPath('rocketry/nova')).toBe('/rocketry/nova/');
	});
});

import { describe, expect, it } from 'vitest';
import { cacheRules, formatRules, IMMUTABLE, SHORT } from '../../src/lib/cache-rules.ts';
import { headerValues, parseHeaders, patternMatches } from '../../scripts/lib/headers.ts';

/** Output entries; a trailing "/" marks a folder. */
const entries = (...names: string[]) => names.map((n) => ({ name: n.replace(/\/$/, ''), dir: n.endsWith('/') }));
const root = entries('_astro/', 'pagefind/', 'rocketry/', 'index.html', 'robots.txt', '_headers');
const pagefind = entries('index/', 'fragment/', 'pagefind.js', 'pagefind-worker.js', 'wasm.en.pagefind', 'pagefind.en_34d23bb5cf.pf_meta');

describe('_headers path patterns', () => {
	it('match as the hosts do: * is any run of characters, "/" included', () => {
		expect(patternMatches('/_astro/*', '/_astro/a.B1c2D3e4.js')).toBe(true);
		expect(patternMatches('/rocketry/*', '/rocketry/')).toBe(true);
		expect(patternMatches('/rocketry/*', '/rocketry/nova/')).toBe(true);
		expect(patternMatches('/rocketry/*', '/rocketryx/')).toBe(false);
		expect(patternMatches('/', '/')).toBe(true);
		expect(patternMatches('/', '/index.html')).toBe(false);
		expect(patternMatches('/pagefind/pagefind.js', '/pagefind/pagefind.jsx')).toBe(false);
	});
});

describe('Cache-Control rules', () => {
	const blocks = parseHeaders(`/*\n  X-Frame-Options: DENY\n${formatRules(cacheRules(root, pagefind))}`);
	const cache = (path: string) => headerValues(blocks, path, 'cache-control');

	it('give every path exactly one value, so no host joins two', () => {
		for (const path of ['/', '/index.html', '/robots.txt', '/rocketry/', '/rocketry/nova/', '/_astro/x.Ab12Cd34.css', '/pagefind/pagefind.js', '/pagefind/index/en_1a2b3c4.pf_index', '/pagefind/fragment/en_1a2b3c4.pf_fragment'])
			expect(cache(path), path).toHaveLength(1);
	});
	it('cache only content-hashed files for good', () => {
		expect(cache('/_astro/x.Ab12Cd34.css')).toEqual([IMMUTABLE]);
		expect(cache('/pagefind/index/en_1a2b3c4.pf_index')).toEqual([IMMUTABLE]);
		expect(cache('/pagefind/pagefind.en_34d23bb5cf.pf_meta')).toEqual([IMMUTABLE]);
		// Same names, new contents after an upgrade of Pagefind or a new build.
		expect(cache('/pagefind/pagefind.js')).toEqual([SHORT]);
		expect(cache('/pagefind/pagefind-worker.js')).toEqual([SHORT]);
		expect(cache('/pagefind/wasm.en.pagefind')).toEqual([SHORT]);
		expect(cache('/rocketry/nova/')).toEqual([SHORT]);
	});
	it('leave the host files themselves alone', () => {
		expect(cacheRules(root, pagefind).map(([p]) => p)).not.toContain('/_headers');
	});
});

describe('reading _headers', () => {
	it('collects every matching rule, as the hosts do', () => {
		const blocks = parseHeaders('# note\n/*\n  A: 1\n/x/*\n  A: 2\n  B: 3\n');
		expect(headerValues(blocks, '/x/y', 'a')).toEqual(['1', '2']);
		expect(headerValues(blocks, '/z', 'b')).toEqual([]);
	});
});

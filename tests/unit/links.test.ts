import { describe, expect, it } from 'vitest';
import { internalTarget, scanHtml } from '../../src/lib/links.ts';

describe('scanning a built page for links and fragment targets', () => {
	const html = `<html><head><meta name="description" content="x"><link rel="stylesheet" href="/_astro/a.css"></head>
<body><h2 id="design">Design</h2><a name='legacy'>old anchor</a><input name="q"><div data-id="not-an-id"></div>
<a href="/rocketry/?a=1&amp;b=2#top">go</a><img src="/og.png" srcset="/a.png 1x, /b.png 2x"></body></html>`;
	const { links, ids } = scanHtml(html);

	it('finds ids, and the names of <a> elements only: a meta or form field name is no target', () => {
		expect([...ids].sort()).toEqual(['design', 'legacy']);
	});

	it('finds every link and asset, with character references decoded and srcset split', () => {
		expect(links).toEqual(['/_astro/a.css', '/rocketry/?a=1&b=2#top', '/og.png', '/a.png', '/b.png']);
	});

	it('resolves internal links under the base and leaves external ones alone', () => {
		expect(internalTarget('/docs/rocketry/#top', '/docs/', '/docs/')).toMatchObject({ path: '/rocketry/', fragment: 'top', underBase: true });
		expect(internalTarget('/rocketry/', '/docs/', '/docs/')).toMatchObject({ underBase: false });
		expect(internalTarget('https://example.org/', '/docs/', '/docs/')).toBeUndefined();
	});
});

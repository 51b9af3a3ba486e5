/**
 * Draws a social card (1200×630 PNG) at build time: satori lays the card out as SVG with the Inter font
 * (from @fontsource/inter; satori reads WOFF, not WOFF2), and for Chinese text the parts of Noto Sans SC
 * (@fontsource/noto-sans-sc) that hold its characters, found by their unicode-range; resvg renders it to
 * PNG. The fonts are used here only: no web font is sent to readers. Drawing is the costly
 * part of a card (docs/performance.md has the figures), so finished cards are kept in Astro's cache folder
 * under a hash of everything drawn on them, and a later build copies them instead of drawing them again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, type CardSpec } from './cards.ts';

/** Bump when the drawing changes, so cached cards are drawn again. */
const DESIGN_VERSION = 2;
/** The light scheme's colours from src/styles/global.css. */
const COLOURS = { bg: '#ffffff', soft: '#f4f6fa', text: '#16181d', muted: '#4a5160', accent: '#1d4fd7', border: '#c9ced8' };
const CACHE_DIR = join(process.cwd(), 'node_modules', '.astro', 'social-cards');

let fonts: Font[] | undefined;
function loadFonts() {
	const require = createRequire(join(process.cwd(), 'package.json'));
	const file = (weight: number) => readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
	return (fonts ??= [
		{ name: 'Inter', data: file(400), weight: 400, style: 'normal' },
		{ name: 'Inter', data: file(700), weight: 700, style: 'normal' },
	]);
}

type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };

/** Noto Sans SC's parts (bold), each a WOFF file and the code points it holds, from the package's stylesheet. */
let cjkParts: { file: string; ranges: [number, number][] }[] | undefined;
function cjkFonts(text: string): Font[] {
	const require = createRequire(join(process.cwd(), 'package.json'));
	cjkParts ??= [...readFileSync(require.resolve('@fontsource/noto-sans-sc/700.css'), 'utf8').matchAll(/url\(\.\/files\/([^)]+?)\.woff2\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((m) => ({
		file: require.resolve(`@fontsource/noto-sans-sc/files/${m[1]}.woff`),
		ranges: m[2]!.split(',').map((r) => {
			const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
			return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
		}),
	}));
	const wide = [...new Set([...text].map((c) => c.codePointAt(0)!).filter((c) => c > 0x2e7f))];
	return cjkParts
		.filter((part) => wide.some((c) => part.ranges.some(([a, b]) => c >= a && c <= b)))
		.map((part, i) => ({ name: `Noto Sans SC ${i}`, data: readFileSync(part.file), weight: 700, style: 'normal' }));
}

type Style = Record<string, string | number>;
interface Node { type: string; props: { style?: Style; children?: unknown; [k: string]: unknown } }
const h = (type: string, style: Style, ...children: unknown[]): Node => ({ type, props: { style, children: children.length === 1 ? children[0] : children } });

/** The site's mark: a planet and its orbit, as in the header. */
const logo: Node = {
	type: 'svg',
	props: {
		width: 52,
		height: 52,
		viewBox: '0 0 32 32',
		children: [
			{ type: 'circle', props: { cx: 16, cy: 16, r: 6, fill: COLOURS.accent } },
			{ type: 'ellipse', props: { cx: 16, cy: 16, rx: 14, ry: 6, fill: 'none', stroke: COLOURS.accent, strokeWidth: 2, transform: 'rotate(-25 16 16)' } },
		],
	},
};

function layout(spec: CardSpec, site: CardSite, families: string): Node {
	const titleSize = spec.title.length > 60 ? 54 : spec.title.length > 32 ? 64 : 80;
	return h(
		'div',
		{ width: CARD_WIDTH, height: CARD_HEIGHT, display: 'flex', flexDirection: 'column', background: COLOURS.bg, color: COLOURS.text, fontFamily: families },
		h('div', { height: 16, background: COLOURS.accent }),
		h(
			'div',
			{ flexGrow: 1, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: '52px 72px 44px' },
			h('div', { display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 700 }, logo, h('div', { marginLeft: 18 }, site.name)),
			h(
				'div',
				{ display: 'flex', flexDirection: 'column' },
				...(spec.eyebrow ? [h('div', { fontSize: 28, fontWeight: 700, color: COLOURS.accent, textTransform: 'uppercase', letterSpacing: 2, marginBottom: 18 }, spec.eyebrow)] : []),
				h('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.1 }, spec.title),
				...(spec.subtitle ? [h('div', { fontSize: 30, color: COLOURS.muted, lineHeight: 1.35, marginTop: 22 }, spec.subtitle)] : []),
			),
			h('div', { display: 'flex', justifyContent: 'space-between', borderTop: `2px solid ${COLOURS.border}`, paddingTop: 20, fontSize: 24, color: COLOURS.muted }, h('div', {}, site.footer), h('div', {}, site.host)),
		),
	);
}

/** What every card of a language carries: the site's name, its host and the line at its foot. */
export interface CardSite {
	name: string;
	host: string;
	footer: string;
}

/** Draws the card, or reads it from the cache when the same card was drawn before. */
export async function drawCard(spec: CardSpec, site: CardSite, cacheDir = CACHE_DIR): Promise<{ png: Buffer; cached: boolean }> {
	const hash = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, spec, site })).digest('hex').slice(0, 24);
	const file = join(cacheDir, `${hash}.png`);
	if (existsSync(file)) return { png: readFileSync(file), cached: true };
	const extra = cjkFonts(`${spec.eyebrow}${spec.title}${spec.subtitle}${site.footer}`);
	const families = ['Inter', ...extra.map((f) => `'${f.name}'`)].join(', ');
	const svg = await satori(layout(spec, site, families) as never, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: [...loadFonts(), ...extra] });
	const png = new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
	mkdirSync(cacheDir, { recursive: true });
	// Written under a temporary name and renamed, so a build that stops half-way leaves no broken card behind.
	const tmp = `${file}.${process.pid}.tmp`;
	writeFileSync(tmp, png);
	renameSync(tmp, file);
	return { png, cached: false };
}

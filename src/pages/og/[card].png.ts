/** The social cards (src/lib/cards.ts), drawn at build time: /og/home.png, /og/theme-rocketry.png, … */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTION_CARDS, type CardSpec } from '../../lib/cards.ts';
import { drawCard } from '../../lib/social-card.ts';
import { getStandalonePages, getThemes } from '../../lib/site.ts';
import { SITE_NAME } from '../../consts.ts';
import { localeById } from '../../lib/i18n.ts';

export const getStaticPaths = (async () => {
	const [themes, standalone] = await Promise.all([getThemes(), getStandalonePages()]);
	const story = standalone.find((p) => p.id === 'story');
	const source = await localeById(undefined);
	const specs: CardSpec[] = [
		{ key: 'home', eyebrow: '', title: source.t('site.tagline'), subtitle: '' },
		...themes.map((t) => ({ key: `theme-${t.id}`, eyebrow: 'Theme', title: t.data.title, subtitle: t.data.summary })),
		...Object.entries(SECTION_CARDS).map(([key, s]) => ({ key, eyebrow: '', title: s.title, subtitle: key === 'story' ? (story?.data.description ?? s.subtitle) : s.subtitle })),
	];
	return specs.map((spec) => ({ params: { card: spec.key }, props: { spec } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
	const host = `${site?.host ?? 'localhost'}${import.meta.env.BASE_URL.replace(/\/$/, '')}`;
	const { png } = await drawCard((props as { spec: CardSpec }).spec, { name: SITE_NAME, host });
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

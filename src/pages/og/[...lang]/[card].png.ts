/** The social cards (src/lib/cards.ts), drawn at build time in each language: /og/home.png, /og/es/theme-rocketry.png, … */
import type { APIRoute, GetStaticPaths } from 'astro';
import { SECTION_CARDS, type CardSpec } from '../../../lib/cards.ts';
import { drawCard } from '../../../lib/social-card.ts';
import { getStandalonePages, getThemes } from '../../../lib/site.ts';
import { SITE_NAME } from '../../../consts.ts';
import { languageParams, localeById } from '../../../lib/i18n.ts';
import { localizePages, localizeThemes } from '../../../lib/localized.ts';

export const getStaticPaths = (async () => {
	const paths = [];
	for (const { lang } of await languageParams()) {
		const l = await localeById(lang);
		const [themes, standalone] = await Promise.all([localizeThemes(await getThemes(), l), localizePages(await getStandalonePages(), l)]);
		const story = standalone.find((p) => p.id === 'story');
		const specs: CardSpec[] = [
			{ key: 'home', eyebrow: '', title: l.t('site.tagline'), subtitle: '' },
			...themes.map((t) => ({ key: `theme-${t.id}`, eyebrow: l.t('card.theme'), title: t.data.title, subtitle: t.data.summary })),
			...Object.entries(SECTION_CARDS).map(([key, s]) => ({ key, eyebrow: '', title: l.t(s.title), subtitle: s.subtitle ? l.t(s.subtitle) : (story?.data.description ?? '') })),
		];
		paths.push(...specs.map((spec) => ({ params: { lang, card: spec.key }, props: { spec, footer: l.t('card.footer'), dir: l.dir } })));
	}
	return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
	const host = `${site?.host ?? 'localhost'}${import.meta.env.BASE_URL.replace(/\/$/, '')}`;
	const { spec, footer } = props as { spec: CardSpec; footer: string };
	const { png } = await drawCard(spec, { name: SITE_NAME, host, footer });
	return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

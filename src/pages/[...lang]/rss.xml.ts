/** The feed of /updates/, one per language: the same items, newest first, with absolute links that follow SITE_URL and BASE_PATH. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getUpdates } from '../../lib/site.ts';
import { startOf } from '../../lib/updates.ts';
import { SITE_NAME } from '../../consts.ts';
import { languagePaths, localeOf } from '../../lib/i18n.ts';
import { localizeUpdates } from '../../lib/localized.ts';

export const getStaticPaths = languagePaths;

export async function GET(context: APIContext) {
	const site = context.site!;
	const l = await localeOf(context.url);
	const absolute = (path: string) => new URL(l.href(path), site).href;
	const updates = await localizeUpdates(await getUpdates(), l);
	const label = (status: string | undefined) => (status && status !== 'confirmed' ? `${l.t(`claim.${status}`)}: ` : '');
	return rss({
		title: l.t('updates.feed', { site: SITE_NAME }),
		description: l.t('site.description'),
		site: absolute('/'),
		items: updates.map((u) => ({
			title: u.kind === 'page' ? `${u.pageTitle}: ${u.text}` : `${u.kind === 'answer' ? `${l.t('question.answeredShort')}: ${u.question} ` : ''}${label(u.status)}${u.text}`,
			link: absolute(u.permalink),
			pubDate: startOf(u.date),
			description: `${u.dateLabel ?? l.date(u.date)}. ${l.t('updates.readMore')} ${u.pageTitle}, ${absolute(u.path)}`,
		})),
		customData: `<language>${l.lang.toLowerCase()}</language>`,
	});
}

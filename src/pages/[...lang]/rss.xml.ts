/** The feed of /updates/: the same items, newest first, with absolute links that follow SITE_URL and BASE_PATH. */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getUpdates } from '../lib/site.ts';
import { startOf } from '../lib/updates.ts';
import { formatPartialDate } from '../lib/dates.ts';
import { href } from '../lib/url.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../consts.ts';

const LABELS = { confirmed: '', reported: 'Reported: ', claim: 'Claim: ', conflict: 'Disputed: ', unsure: 'Unverified: ' } as const;

export async function GET(context: APIContext) {
	const site = context.site!;
	const absolute = (path: string) => new URL(href(path), site).href;
	const updates = await getUpdates();
	return rss({
		title: `${SITE_NAME}: updates`,
		description: SITE_DESCRIPTION,
		site: absolute('/'),
		items: updates.map((u) => ({
			title: u.kind === 'page' ? `${u.pageTitle}: ${u.text}` : `${u.kind === 'answer' ? `Answered: ${u.question} ` : ''}${u.status ? LABELS[u.status] : ''}${u.text}`,
			link: absolute(u.permalink),
			pubDate: startOf(u.date),
			description: `${u.dateLabel ?? formatPartialDate(u.date)}. ${u.kind === 'page' ? `Changed on “${u.pageTitle}”.` : `Read more: ${u.pageTitle}, ${absolute(u.path)}`}`,
		})),
		customData: '<language>en-gb</language>',
	});
}

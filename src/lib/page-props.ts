/**
 * Turns a content entry into what the article layout needs. Shared by theme articles and
 * standalone pages so both render the same way.
 */
import { render } from 'astro:content';
import { breadcrumbs, prevNext, type NavPage } from './navigation.ts';
import { docPath } from './url.ts';
import { relative, isAbsolute } from 'node:path';
import { referenceList } from './mentions.ts';
import { pagePath, pageById, type AnyPage, type Theme } from './site.ts';
import type { Locale } from './i18n.ts';
import { localizePage, localizeThemes, localTitle, type LocalizedPage } from './localized.ts';
import { readPages } from './content-model.ts';
import { isCurrentTranslation } from './translation.ts';

/** Whether a page's translation follows the English page as it is now (its `translates` is the English version). */
function isCurrent(page: AnyPage, local: LocalizedPage): boolean {
	const english = readPages(process.cwd()).find((p) => p.id === page.id && p.collection === page.collection);
	return !local.translation || (english !== undefined && isCurrentTranslation(local.translation.data.translates, english));
}

/** A content file's path from the repository root ("src/content/docs/rocketry/nova.mdx"), with forward slashes. */
function repoPath(file: string | undefined): string | undefined {
	if (!file) return undefined;
	return (isAbsolute(file) ? relative(process.cwd(), file) : file).split('\\').join('/');
}

/**
 * Renders an entry in a locale and gathers everything around it: trail, references, related, neighbours.
 * In another language the page's translation is rendered when there is one; otherwise the English text,
 * marked as English with a notice. A translation that follows an older English version says so.
 */
export async function articleProps(page: AnyPage, locale: Locale, englishTheme?: Theme, siblings: readonly NavPage[] = []) {
	const local = await localizePage(page, locale);
	const { Content, headings, remarkPluginFrontmatter } = await render(local.translation ?? page);
	const theme = englishTheme ? (await localizeThemes([englishTheme], locale))[0] : undefined;
	// Related ids are checked before the build (src/lib/content-rules.ts); in dev a wrong one is reported and left out.
	const related = await Promise.all((await Promise.all(page.data.related.map(pageById))).flatMap((doc) => (doc ? [doc] : [])).map(async (doc) => ({ path: pagePath(doc), title: await localTitle(doc, locale) })));
	const { prev, next } = prevNext(siblings, page.id);
	const link = async (n?: { id: string; title: string }) => {
		const target = n ? await pageById(n.id) : undefined;
		return n ? { path: docPath(n.id), title: target ? await localTitle(target, locale) : n.title } : undefined;
	};
	const cited: string[] = remarkPluginFrontmatter.citations ?? [];
	const notice: 'fallback' | 'outdated' | undefined = locale.source ? undefined : !local.translation ? 'fallback' : isCurrent(page, local) ? undefined : 'outdated';
	return {
		Content,
		layout: {
			title: local.title,
			description: local.description,
			headings,
			/** The language of the text when it is not the page's (an untranslated page's English). */
			textLang: local.lang === locale.lang ? undefined : local.lang,
			notice,
			englishPath: pagePath(page),
			trail: breadcrumbs(theme ? { id: theme.id, title: theme.data.title } : undefined, local.title, locale.t('nav.home')),
			references: referenceList(cited, page.data.sources.map((s) => s.id)),
			related,
			prev: await link(prev),
			next: await link(next),
			updated: page.data.updated,
			changes: page.data.changes,
			theme: theme ? { id: theme.id, title: theme.data.title } : undefined,
			currentId: page.id,
			currentPath: pagePath(page),
			sourceFile: repoPath((local.translation ?? page).filePath),
		},
	};
}

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

/** A content file's path from the repository root ("src/content/docs/rocketry/nova.mdx"), with forward slashes. */
function repoPath(file: string | undefined): string | undefined {
	if (!file) return undefined;
	return (isAbsolute(file) ? relative(process.cwd(), file) : file).split('\\').join('/');
}

/** Renders an entry and gathers everything around it: trail, references, related, neighbours. */
export async function articleProps(page: AnyPage, theme?: Theme, siblings: readonly NavPage[] = []) {
	const { Content, headings, remarkPluginFrontmatter } = await render(page);
	// Related ids are checked before the build (src/lib/content-rules.ts); in dev a wrong one is reported and left out.
	const related = (await Promise.all(page.data.related.map(pageById))).flatMap((doc) => (doc ? [{ path: pagePath(doc), title: doc.data.title }] : []));
	const { prev, next } = prevNext(siblings, page.id);
	const link = (n?: { id: string; title: string }) => (n ? { path: docPath(n.id), title: n.title } : undefined);
	const cited: string[] = remarkPluginFrontmatter.citations ?? [];
	return {
		Content,
		layout: {
			title: page.data.title,
			description: page.data.description,
			headings,
			trail: breadcrumbs(theme ? { id: theme.id, title: theme.data.title } : undefined, page.data.title),
			references: referenceList(cited, page.data.sources.map((s) => s.id)),
			related,
			prev: link(prev),
			next: link(next),
			updated: page.data.updated,
			changes: page.data.changes,
			theme: theme ? { id: theme.id, title: theme.data.title } : undefined,
			currentId: page.id,
			currentPath: pagePath(page),
			sourceFile: repoPath(page.filePath),
		},
	};
}

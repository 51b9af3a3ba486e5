/**
 * Turns a content entry into what the article layout needs. Shared by theme articles and
 * standalone pages so both render the same way.
 */
import { render } from 'astro:content';
import { breadcrumbs, prevNext } from './navigation';
import { pagePath, getDocs, pageSourceIds, type AnyPage, type Theme } from './site';

/** Renders an entry and gathers everything around it: trail, references, related, neighbours. */
export async function articleProps(page: AnyPage, theme?: Theme, siblings: AnyPage[] = []) {
	const { Content, headings, remarkPluginFrontmatter } = await render(page);
	const docs = await getDocs();
	const related = page.data.related
		.map((ref) => docs.find((d) => d.id === ref.id))
		.filter((d) => d !== undefined)
		.map((d) => ({ path: pagePath(d), title: d.data.title }));
	const { prev, next } = prevNext(siblings.map((s) => ({ id: s.id, title: s.data.title, order: s.data.order })), page.id);
	const link = (n?: { id: string; title: string }) => (n ? { path: `/${n.id}/`, title: n.title } : undefined);
	const cited: string[] = remarkPluginFrontmatter.citations ?? [];
	return {
		Content,
		layout: {
			title: page.data.title,
			description: page.data.description,
			headings,
			trail: breadcrumbs(theme ? { id: theme.id, title: theme.data.title } : undefined, page.data.title),
			references: [...cited, ...pageSourceIds(page).filter((id) => !cited.includes(id))],
			related,
			prev: link(prev),
			next: link(next),
			updated: page.data.updated,
			theme: theme ? { id: theme.id, title: theme.data.title } : undefined,
			currentId: page.id,
			currentPath: pagePath(page),
		},
	};
}

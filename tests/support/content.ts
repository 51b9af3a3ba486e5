/**
 * The content as the tests see it, read with the site's own content model (src/lib/content-model.ts) at test
 * time, so expectations follow whatever the writers have written.
 */
import { readData, readPages } from '../../src/lib/content-model.ts';
import { docPath } from '../../src/lib/url.ts';
import { ROOT } from './project.ts';

export interface ContentPage {
	/** Site path: /rocketry/nova/ or /story/. */
	path: string;
	/** The file from the repository root: src/content/docs/rocketry/nova.mdx. */
	file: string;
	title: string;
	updated?: Date;
}

/** Every published MDX page. */
export function contentPages(root = ROOT): ContentPage[] {
	return readPages(root)
		.filter((p) => p.fields.draft !== true)
		.map((p) => {
			const updated = p.fields.updated === undefined ? undefined : new Date(String(p.fields.updated));
			return { path: docPath(p.id), file: p.file, title: String(p.fields.title), ...(updated ? { updated } : {}) };
		});
}

/** Entity ids and names, from src/content/data/entities.yaml. */
export function entities(root = ROOT): { id: string; name: string }[] {
	return readData(root, 'entities').map((e) => ({ id: e.id, name: String(e.name) }));
}

/** A published page's title, by id ("rocketry/nova"). */
export function titleOf(id: string, root = ROOT): string {
	const page = readPages(root).find((p) => p.id === id);
	if (!page) throw new Error(`No page ${id} in the content`);
	return String(page.fields.title);
}

/** The text of a page's ## headings, in order. */
export function headingsOf(id: string, root = ROOT): string[] {
	const page = readPages(root).find((p) => p.id === id);
	return [...(page?.body ?? '').matchAll(/^## (.+)$/gm)].map((m) => m[1]!.replace(/[*_`]/g, '').trim());
}

/** The themes' titles, in navigation order. */
export function themeTitles(root = ROOT): string[] {
	return readData(root, 'themes').sort((a, b) => Number(a.order) - Number(b.order)).map((t) => String(t.title));
}

/**
 * The content as the tests see it: every published MDX page with its frontmatter, read from the files at
 * test time, so expectations follow whatever the writers have written.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { ROOT } from './project';

export interface ContentPage {
	/** Site path: /rocketry/nova/ or /story/. */
	path: string;
	/** The file from the repository root: src/content/docs/rocketry/nova.mdx. */
	file: string;
	title: string;
	updated?: Date;
}

export function contentPages(root = ROOT): ContentPage[] {
	const pages: ContentPage[] = [];
	const add = (file: string, path: string) => {
		const text = readFileSync(join(root, file), 'utf8');
		const data = (load(text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '') ?? {}) as { title: string; updated?: string | Date; draft?: boolean };
		if (data.draft) return;
		const updated = data.updated === undefined ? undefined : new Date(data.updated);
		pages.push({ path, file, title: String(data.title), ...(updated ? { updated } : {}) });
	};
	for (const theme of readdirSync(join(root, 'src/content/docs')))
		for (const f of readdirSync(join(root, 'src/content/docs', theme))) if (f.endsWith('.mdx')) add(`src/content/docs/${theme}/${f}`, `/${theme}/${f.slice(0, -4)}/`);
	for (const f of readdirSync(join(root, 'src/content/pages'))) if (f.endsWith('.mdx')) add(`src/content/pages/${f}`, `/${f.slice(0, -4)}/`);
	return pages;
}

/** Entity ids and names, from src/content/data/entities.yaml. */
export function entities(root = ROOT): { id: string; name: string }[] {
	return (load(readFileSync(join(root, 'src/content/data/entities.yaml'), 'utf8')) as { id: string; name: string }[]).map((e) => ({ id: String(e.id), name: e.name }));
}

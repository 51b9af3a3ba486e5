/**
 * The content as the tests see it, read with the site's own content model (src/lib/content-model.ts) at test
 * time, so expectations follow whatever the writers have written.
 */
import { DATA_FILES, readData, readPages, readTranslations, TRANSLATIONS_FOLDER } from '../../src/lib/content-model.ts';
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

/**
 * The file each page is built from, by site path, in every language: a translated page's translation file,
 * an untranslated page's English file, and a person's or organisation's data (the language's data.yaml
 * outside the source language).
 */
export function sourceFiles(root = ROOT): Map<string, string> {
	const languages = readData(root, 'languages');
	const translations = new Set(readTranslations(root).map((t) => `${t.lang}/${t.id}`));
	const files = new Map<string, string>();
	languages.forEach((language, i) => {
		const prefix = i === 0 ? '' : `/${language.id}`;
		for (const p of readPages(root).filter((x) => x.fields.draft !== true))
			files.set(`${prefix}${docPath(p.id)}`, translations.has(`${language.id}/${p.id}`) ? `${TRANSLATIONS_FOLDER}/${language.id}/${p.id}.mdx` : p.file);
		for (const e of readData(root, 'entities')) files.set(`${prefix}/people/${e.id}/`, i === 0 ? DATA_FILES.entities : `${TRANSLATIONS_FOLDER}/${language.id}/data.yaml`);
	});
	return files;
}

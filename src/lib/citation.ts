/**
 * "Cite this page" and "Suggest a correction": the citation of a page as plain text and as BibTeX, and
 * the address of its source file in the repository's editor. Pure functions, so they are unit-tested.
 */
import { formatDate } from './dates.ts';

export interface CitedPage {
	title: string;
	site: string;
	/** The canonical, absolute URL. */
	url: string;
	/** When the content last changed, if known. */
	updated?: Date | undefined;
	/** The date of access: the build date in the HTML, today's once the script runs. */
	accessed: Date;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** `“Title.” Site. Last updated 25 November 2026. https://… (accessed 1 December 2026).` */
export function citationText(p: CitedPage): string {
	const title = /[.?!]$/.test(p.title) ? p.title : `${p.title}.`;
	const updated = p.updated ? ` Last updated ${formatDate(p.updated)}.` : '';
	return `“${title}” ${p.site}.${updated} ${p.url} (accessed ${formatDate(p.accessed)}).`;
}

/** Escapes BibTeX's special characters in a field value. */
export function bibtexEscape(value: string): string {
	return value.replace(/[\\{}%&$#_^~]/g, (c) => ({ '\\': '\\textbackslash{}', '^': '\\^{}', '~': '\\~{}' })[c] ?? `\\${c}`);
}

/** A citation key from the page's path: "/rocketry/nova/" → "oca-rocketry-nova". */
export function bibtexKey(path: string): string {
	const slug = path.split('/').filter(Boolean).join('-').replace(/[^A-Za-z0-9-]/g, '');
	return `oca-${slug || 'home'}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A BibTeX @misc entry (biblatex's `urldate` and `date` included; classic BibTeX reads `year`, `month`, `note`). */
export function citationBibtex(p: CitedPage, path: string): string {
	const when = p.updated ?? p.accessed;
	const fields: [string, string][] = [
		['title', `{${bibtexEscape(p.title)}}`],
		['author', `{{${bibtexEscape(p.site)}}}`],
		['howpublished', `{${bibtexEscape(p.site)}}`],
		['year', `{${when.getUTCFullYear()}}`],
		['month', MONTHS[when.getUTCMonth()]!],
		...(p.updated ? ([['date', `{${iso(p.updated)}}`]] as [string, string][]) : []),
		['url', `{${p.url}}`],
		['urldate', `{${iso(p.accessed)}}`],
		['note', `{${p.updated ? `Last updated ${iso(p.updated)}; accessed` : 'Accessed'} ${iso(p.accessed)}}`],
	];
	return `@misc{${bibtexKey(path)},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}`;
}

/**
 * The editor's address for a content file, or nothing when no base is configured:
 * ("https://github.com/o/r/edit/main/", "src/content/docs/rocketry/nova.mdx") → ".../edit/main/src/content/docs/rocketry/nova.mdx".
 */
export function editUrl(base: string | undefined, file: string): string | undefined {
	if (!base?.trim()) return undefined;
	return `${base.trim().replace(/\/+$/, '')}/${file.replace(/^\.?\/+/, '')}`;
}

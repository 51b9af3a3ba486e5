/**
 * Rules an editor's files must follow that the schemas cannot see: two files must not claim one URL,
 * dates must be real calendar dates as written (YAML would roll 2025-13-45 over into 2026), and
 * data files must only point at things that exist.
 */
import GithubSlugger from 'github-slugger';

const slugger = new GithubSlugger();

/** The id Astro's glob loader gives a file: its `slug` field, or each path segment slugified. */
export function entryId(relPath: string, slug?: unknown): string {
	if (typeof slug === 'string' && slug) return slug;
	return relPath
		.replace(/\.[^/.]+$/, '')
		.split('/')
		.map((segment) => { slugger.reset(); return slugger.slug(segment); })
		.join('/')
		.replace(/\/index$/, '');
}

/** Groups files by id and returns every id claimed by more than one file. */
export function duplicateIds(entries: readonly { file: string; id: string }[]): { id: string; files: string[] }[] {
	const byId = new Map<string, string[]>();
	for (const e of entries) byId.set(e.id, [...(byId.get(e.id) ?? []), e.file]);
	return [...byId].filter(([, files]) => files.length > 1).map(([id, files]) => ({ id, files }));
}

/** True for a real YYYY-MM-DD calendar date. */
export function isCalendarDate(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
	return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}

/** The raw text of a top-level frontmatter field, before YAML interprets it. */
export function rawField(frontmatter: string, key: string): string | undefined {
	const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(frontmatter);
	return m ? m[1]!.trim().replace(/^(['"])(.*)\1$/, '$2') : undefined;
}

/** Splits a file into its frontmatter text and body. */
export function splitFrontmatter(text: string): { frontmatter: string; body: string } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
	return m ? { frontmatter: m[1]!, body: m[2]! } : { frontmatter: '', body: text };
}

/** A reference from a data entry to another collection, for checking. */
export interface DataRef {
	file: string;
	entry: string;
	field: string;
	id: string;
}

/** The references that point at nothing, as editor-facing sentences. */
export function missingRefs(refs: readonly DataRef[], known: ReadonlySet<string>, what: string): string[] {
	return refs.filter((r) => !known.has(r.id)).map((r) => `${r.file}: entry "${r.entry}", field "${r.field}": no ${what} with id "${r.id}"`);
}

/**
 * The content's reference rules, in one place: what the schemas cannot see. Two files must not claim one
 * URL; an article sits in a known theme's folder; dates are real calendar dates as written (YAML would roll
 * 2025-13-45 over into 2026); and every id a page or a data entry names — sources, entities, themes,
 * related pages, the pages an event links, what an open question names — exists. The sources' horizon is
 * one real date; an answered question names the event that answered it; sources enter a page only through
 * <Cite>, never as an external link in its prose. Citations and mentions inside a page's text are checked
 * where they are parsed, by the Markdown plugin, against the same data.
 */
import { DATA_FILES, type ContentModel, type DataItem, type PageFile } from './content-model.ts';
import { OTHER_SOURCE_GROUPS } from '../consts.ts';
import { questionSources } from './questions.ts';

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

export interface RuleOptions {
	/** Site paths taken by routes that are not content (search, timeline, …): a standalone page may not use them. */
	reserved?: readonly string[];
	/** In `astro dev` drafts are shown, so pages may link to them; in a build they are not. */
	draftsShown?: boolean;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** A page's frontmatter date problems: `updated` and each `changes` date must be real YYYY-MM-DD dates. */
function dateProblems(page: PageFile): string[] {
	const problems: string[] = [];
	const updated = page.fields.updated === undefined || page.fields.updated === null ? undefined : String(page.fields.updated);
	if (updated !== undefined && updated !== '' && !isCalendarDate(updated))
		problems.push(`${page.file}: field "updated" is "${updated}", which is not a real date (write YYYY-MM-DD)`);
	const changes = page.fields.changes;
	if (Array.isArray(changes))
		changes.forEach((c, i) => {
			const date = String((c as { date?: unknown } | null)?.date ?? '');
			if (!isCalendarDate(date)) problems.push(`${page.file}: field "changes", entry ${i + 1}: date "${date}" is not a real date (write YYYY-MM-DD)`);
		});
	return problems;
}

/** True for a date written YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar. */
export function isPartialDate(value: string): boolean {
	if (/^\d{4}$/.test(value)) return true;
	const m = /^\d{4}-(\d{2})$/.exec(value);
	if (m) return +m[1]! >= 1 && +m[1]! <= 12;
	return isCalendarDate(value);
}

/** The line (1-based, in the whole file) where a page's body starts: after the frontmatter and its fences. */
function bodyStartLine(page: PageFile): number {
	return page.frontmatter ? page.frontmatter.split('\n').length + 3 : 1;
}

/**
 * External links written in a page's prose (Markdown `[x](https://…)`, `<https://…>` or an `<a href>`),
 * outside code: sources enter a page only through <Cite>, so they are numbered, listed and printed.
 */
export function externalLinks(page: PageFile): { line: number; url: string }[] {
	const found: { line: number; url: string }[] = [];
	let fenced = false;
	page.body.split('\n').forEach((text, i) => {
		if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
		if (fenced) return;
		const prose = text.replace(/`[^`]*`/g, '');
		for (const m of prose.matchAll(/\]\(\s*<?((?:https?:)?\/\/[^\s)>]+)|<((?:https?:)\/\/[^\s>]+)>|href=["']((?:https?:)?\/\/[^"']+)["']/g))
			found.push({ line: bodyStartLine(page) + i, url: (m[1] ?? m[2] ?? m[3])! });
	});
	return found;
}

/** The sources' horizon (atlas.yaml, `horizon.date`), when it is written as a real date. */
export function horizonDate(model: Pick<ContentModel, 'atlas'>): string | undefined {
	const date = model.atlas.find((x) => x.id === 'horizon')?.date;
	return typeof date === 'string' && isCalendarDate(date) ? date : undefined;
}

/** The problems with the open questions (questions.yaml) that the schema cannot see. */
function questionProblems(model: ContentModel, pageIds: ReadonlySet<string>): string[] {
	const problems: string[] = [];
	const file = DATA_FILES.questions;
	const eventIds = new Set(model.events.map((e) => e.id));
	const horizon = horizonDate(model);
	for (const q of model.questions) {
		const at = (field: string) => `${file}: entry "${q.id}", field "${field}"`;
		const page = String(q.page ?? '');
		if (!pageIds.has(page))
			problems.push(`${at('page')}: "${page}" is not a published page (use an id such as rocketry/nova, or story)`);
		const answeredBy = q.answeredBy === undefined || q.answeredBy === null ? undefined : String(q.answeredBy);
		if (q.state === 'answered' && !answeredBy)
			problems.push(`${at('answeredBy')}: an answered question must name the event that answered it (an id from ${DATA_FILES.events})`);
		if (q.state === 'open' && answeredBy)
			problems.push(`${at('answeredBy')}: an open question cannot be answered by "${answeredBy}" (set state: answered, or remove answeredBy)`);
		if (answeredBy && !eventIds.has(answeredBy))
			problems.push(`${at('answeredBy')}: no event with id "${answeredBy}" in ${DATA_FILES.events}`);
		const last = (q.lastKnown ?? {}) as { date?: unknown };
		const dates = [
			{ field: 'lastKnown.date', value: String(last.date ?? '') },
			...(Array.isArray(q.superseded) ? q.superseded : []).map((s, i) => ({ field: `superseded[${i}].date`, value: String((s as { date?: unknown } | null)?.date ?? '') })),
		];
		for (const d of dates)
			if (!isPartialDate(d.value)) problems.push(`${at(d.field)}: "${d.value}" is not a real date (write YYYY, YYYY-MM or YYYY-MM-DD)`);
		if (horizon && isPartialDate(dates[0]!.value) && dates[0]!.value > horizon)
			problems.push(`${at('lastKnown.date')}: "${dates[0]!.value}" is after the sources' horizon (${horizon}, in ${DATA_FILES.atlas}); move the horizon if newer sources were read`);
	}
	return problems;
}

/** Every reference problem in the content, as sentences that name the file and the field. Empty when all is well. */
export function contentProblems(model: ContentModel, options: RuleOptions = {}): string[] {
	const problems: string[] = [];
	const ids = (items: readonly DataItem[]) => new Set(items.map((x) => x.id));
	const themeIds = ids(model.themes);
	const sourceIds = ids(model.sources);
	const reserved = new Set(options.reserved ?? []);
	const linkable = model.pages.filter((p) => options.draftsShown || p.fields.draft !== true);
	const pageIds = new Set(linkable.map((p) => p.id));

	for (const page of model.pages) {
		if (page.collection === 'docs' && !page.folder)
			problems.push(`${page.file}: an article must sit in a theme folder (move it into one of src/content/docs/{${[...themeIds].join(',')}}/)`);
		else if (page.collection === 'docs' && !themeIds.has(page.folder!))
			problems.push(`${page.file}: the folder "${page.folder}" is not a known theme (move it into one of src/content/docs/{${[...themeIds].join(',')}}/, or add the theme to ${DATA_FILES.themes})`);
		if (page.collection === 'pages' && (reserved.has(page.id) || themeIds.has(page.id)))
			problems.push(`${page.file}: its URL /${page.id}/ is already used by a built-in page or theme`);
		problems.push(...dateProblems(page));
		for (const id of list(page.fields.sources))
			if (!sourceIds.has(id)) problems.push(`${page.file}: field "sources" lists "${id}", which is not a source (add it to ${DATA_FILES.sources}, or use one of its ids)`);
		for (const id of list(page.fields.related))
			if (!pageIds.has(id))
				problems.push(`${page.file}: field "related" lists "${id}", which is not a published page (use an id such as rocketry/nova, a file path under src/content/docs without .mdx, or story)`);
		for (const link of externalLinks(page))
			problems.push(
				`${page.file}:${link.line}: an external link in the prose (${link.url}); sources enter a page only through <Cite id="…" /> (add the address to ${DATA_FILES.sources} and cite it)`,
			);
	}
	for (const d of duplicateIds(model.pages.map((p) => ({ file: p.file, id: p.id }))))
		problems.push(`two files claim the URL /${d.id}/: ${d.files.join(' and ')} (rename one, or change its slug)`);

	const refs = (file: string, items: readonly DataItem[], field: string): DataRef[] =>
		items.flatMap((x) => list(x[field]).map((id) => ({ file, entry: x.id, field, id })));
	problems.push(
		...missingRefs(refs(DATA_FILES.entities, model.entities, 'sources'), sourceIds, 'source'),
		...missingRefs(refs(DATA_FILES.events, model.events, 'sources'), sourceIds, 'source'),
		...missingRefs(refs(DATA_FILES.events, model.events, 'themes'), themeIds, 'theme'),
		...missingRefs(refs(DATA_FILES.events, model.events, 'pages'), pageIds, 'published page'),
	);
	problems.push(
		...missingRefs(model.questions.flatMap((q) => questionSources(q).map((id) => ({ file: DATA_FILES.questions, entry: q.id, field: 'sources', id }))), sourceIds, 'source'),
		...missingRefs(refs(DATA_FILES.questions, model.questions, 'themes'), themeIds, 'theme'),
		...questionProblems(model, pageIds),
	);
	if (!horizonDate(model))
		problems.push(`${DATA_FILES.atlas}: entry "horizon", field "date": the sources' horizon must be a real date written YYYY-MM-DD`);
	const groups = new Set<string>([...themeIds, ...OTHER_SOURCE_GROUPS.map((g) => g.id)]);
	for (const s of model.sources)
		if (!groups.has(String(s.group ?? '')))
			problems.push(`${DATA_FILES.sources}: entry "${s.id}", field "group": "${String(s.group ?? '')}" is neither a theme nor one of ${OTHER_SOURCE_GROUPS.map((g) => g.id).join(', ')}`);
	for (const e of model.events) {
		const date = String(e.date ?? '');
		if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !isCalendarDate(date))
			problems.push(`${DATA_FILES.events}: entry "${e.id}", field "date": "${date}" is not a real date`);
	}
	return problems;
}

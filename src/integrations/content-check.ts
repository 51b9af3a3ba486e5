/**
 * Checks the content files as an editor wrote them, before Astro builds anything: duplicate URLs,
 * impossible dates, and data entries that point at missing sources, themes, entities or pages.
 * Fails with every problem listed, each naming its file and field.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_SCHEMA, load } from 'js-yaml';
import { duplicateIds, entryId, isCalendarDate, missingRefs, rawField, splitFrontmatter, type DataRef } from '../lib/content-rules.ts';
import { ContentError } from './content-errors.ts';

/** Routes that are not content pages; a page whose URL would collide with one is an error. */
const RESERVED = ['search', 'timeline', 'sources', 'people', 'updates', '404', 'index'];

function mdxFiles(dir: string, root = dir): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? mdxFiles(join(dir, e.name), root) : /\.mdx?$/.test(e.name) ? [relative(root, join(dir, e.name))] : [],
	);
}

type Item = { id: string; [k: string]: unknown };
const readList = (path: string) => ((existsSync(path) ? load(readFileSync(path, 'utf8')) : []) ?? []) as Item[];
const ids = (list: Item[]) => new Set(list.map((x) => String(x.id)));

/** A page's `changes` entries whose date is not a real YYYY-MM-DD date, read as written (YAML would roll 2026-02-30 over). */
function changeDateProblems(file: string, frontmatter: string): string[] {
	let fields: unknown;
	try {
		fields = load(frontmatter, { schema: CORE_SCHEMA });
	} catch {
		return []; // the YAML error itself is reported by Astro's loader, with the line
	}
	const changes = (fields as { changes?: unknown } | null)?.changes;
	if (!Array.isArray(changes)) return [];
	return changes.flatMap((c, i) => {
		const date = String((c as { date?: unknown })?.date ?? '');
		return isCalendarDate(date) ? [] : [`${file}: field "changes", entry ${i + 1}: date "${date}" is not a real date (write YYYY-MM-DD)`];
	});
}

/** Every problem in the content folder, as sentences. Empty when all is well. */
export function checkContent(projectRoot: string): string[] {
	const content = join(projectRoot, 'src/content');
	const rel = (p: string) => relative(projectRoot, p);
	const problems: string[] = [];
	const data = (name: string) => join(content, 'data', name);
	const themes = readList(data('themes.yaml'));
	const sources = readList(data('sources.yaml'));
	const entities = readList(data('entities.yaml'));
	const events = readList(data('events.yaml'));

	const urls: { file: string; id: string }[] = [];
	const pageIds = new Set<string>();
	for (const [folder, prefix] of [['docs', ''], ['pages', '']] as const) {
		for (const file of mdxFiles(join(content, folder))) {
			const path = join(content, folder, file);
			const { frontmatter } = splitFrontmatter(readFileSync(path, 'utf8'));
			const id = entryId(file, rawField(frontmatter, 'slug'));
			urls.push({ file: rel(path), id: prefix + id });
			pageIds.add(id);
			if (folder === 'pages' && (RESERVED.includes(id) || themes.some((t) => t.id === id)))
				problems.push(`${rel(path)}: its URL /${id}/ is already used by a built-in page or theme`);
			const updated = rawField(frontmatter, 'updated');
			if (updated !== undefined && updated !== '' && !isCalendarDate(updated))
				problems.push(`${rel(path)}: field "updated" is "${updated}", which is not a real date (write YYYY-MM-DD)`);
			problems.push(...changeDateProblems(rel(path), frontmatter));
		}
	}
	for (const d of duplicateIds(urls)) problems.push(`two files claim the URL /${d.id}/: ${d.files.join(' and ')} (rename one, or change its slug)`);

	const sourceIds = ids(sources);
	const refs = (file: string, list: Item[], field: string): DataRef[] =>
		list.flatMap((x) => ((x[field] as unknown[]) ?? []).map((id) => ({ file, entry: String(x.id), field, id: String(id) })));
	problems.push(
		...missingRefs(refs('src/content/data/entities.yaml', entities, 'sources'), sourceIds, 'source'),
		...missingRefs(refs('src/content/data/events.yaml', events, 'sources'), sourceIds, 'source'),
		...missingRefs(refs('src/content/data/events.yaml', events, 'themes'), ids(themes), 'theme'),
		...missingRefs(refs('src/content/data/events.yaml', events, 'pages'), pageIds, 'page'),
	);
	for (const e of events) {
		const date = String(e.date ?? '');
		if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !isCalendarDate(date))
			problems.push(`src/content/data/events.yaml: entry "${e.id}", field "date": "${date}" is not a real date`);
	}
	return problems;
}

export default function contentCheck(): AstroIntegration {
	return {
		name: 'atlas:content-check',
		hooks: {
			'astro:config:setup': ({ config }) => {
				const problems = checkContent(fileURLToPath(config.root));
				if (problems.length)
					throw new ContentError(undefined, `${problems.length === 1 ? 'A problem' : `${problems.length} problems`} in the content:\n  ${problems.join('\n  ')}`);
			},
		},
	};
}

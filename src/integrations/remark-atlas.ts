/**
 * A remark plugin for the MDX components authors use: checks every <Cite> and <Entity> id against
 * the data files, numbers citations in order of first appearance (the `n` attribute the component
 * renders), and records the ordered list as `citations` in the page's remark frontmatter.
 */
import { readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { load } from 'js-yaml';
import { visit } from 'unist-util-visit';
import { splitIds } from '../lib/mentions.ts';
import { CLAIM_STATUSES } from '../lib/claims.ts';
import { ContentError } from './content-errors.ts';

interface JsxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}
interface JsxNode {
	type: string;
	name?: string | null;
	attributes: JsxAttribute[];
	position?: { start: { line: number } };
}


const idCache = new Map<string, { mtime: number; ids: Set<string> }>();

/** Ids declared in a YAML list file; parsed again only when the file changes, so edits in dev are seen. */
function idsIn(path: string): Set<string> {
	const mtime = statSync(path).mtimeMs;
	const cached = idCache.get(path);
	if (cached?.mtime === mtime) return cached.ids;
	const list = load(readFileSync(path, 'utf8')) as { id: string }[] | null;
	const ids = new Set((list ?? []).map((item) => String(item.id)));
	idCache.set(path, { mtime, ids });
	return ids;
}

function attr(node: JsxNode, name: string): string | undefined {
	const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
	return typeof a?.value === 'string' ? a.value : undefined;
}

export interface RemarkAtlasOptions {
	sourcesFile: string;
	entitiesFile: string;
}

export default function remarkAtlas(options: RemarkAtlasOptions) {
	return (tree: unknown, file: { path?: string; data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
		const sources = idsIn(options.sourcesFile);
		const entities = idsIn(options.entitiesFile);
		const order: string[] = [];
		const at = (node: JsxNode) => `${file.path ?? 'content'}:${node.position?.start.line ?? '?'}`;

		visit(tree as never, (node: JsxNode) => {
			if (node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') return;
			if (node.name === 'Cite') {
				const ids = splitIds(attr(node, 'id') ?? '');
				if (ids.length === 0) throw new ContentError(at(node), '<Cite> needs an id, e.g. <Cite id="s7" />.');
				for (const id of ids) {
					if (!sources.has(id))
						throw new ContentError(
							at(node),
							`<Cite id="${id}"> cites a source that does not exist.`,
							`add "${id}" to src/content/data/sources.yaml, or use one of its ids.`,
						);
					if (!order.includes(id)) order.push(id);
				}
				node.attributes.push({ type: 'mdxJsxAttribute', name: 'n', value: ids.map((id) => order.indexOf(id) + 1).join(' ') });
			} else if (node.name === 'Entity') {
				const id = attr(node, 'id');
				if (!id || !entities.has(id))
					throw new ContentError(
						at(node),
						`<Entity id="${id ?? ''}"> names a person or organisation that does not exist.`,
						'add it to src/content/data/entities.yaml, or use one of its ids.',
					);
			} else if (node.name === 'Claim') {
				const status = attr(node, 'status');
				if (!status || !(CLAIM_STATUSES as readonly string[]).includes(status))
					throw new ContentError(at(node), `<Claim status="${status ?? ''}"> must have a status of ${CLAIM_STATUSES.join(', ')}.`);
			}
		});

		const astro = (file.data.astro ??= {});
		const listed = astro.frontmatter?.sources;
		for (const id of Array.isArray(listed) ? listed : [])
			if (!sources.has(String(id)))
				throw new ContentError(file.path, `field "sources" lists "${id}", which is not a source.`, 'add it to src/content/data/sources.yaml, or use one of its ids.');
		if (!order.length && !(Array.isArray(listed) && listed.length))
			console.warn(`[atlas] ${relative(process.cwd(), file.path ?? 'content')}: cites no source. Add a <Cite id="…" /> before publishing.`);
		astro.frontmatter = { ...astro.frontmatter, citations: order };
	};
}

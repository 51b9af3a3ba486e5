/**
 * The site's Markdown plugin, for Astro's Sätteri processor (Markdown and MDX compiled in Rust), and the
 * site's only reader of citations and mentions. It checks every <Cite>, <Entity> and <Claim> against the
 * data files, numbers citations in order of first appearance (the `n` attribute the component renders),
 * records the ordered citations as `citations` and the mentioned entities as `entities` in the page's
 * frontmatter (backlinks, "cited by" and the writer's check read them from there), and prefixes the
 * configured base to root-relative Markdown links, so the same content works at the root of a host and
 * under a sub-path. It also gives every h2–h4 a link to itself after its text, as Starlight does (see
 * `headingAnchor`). The frontmatter's own references are checked before the build, by content-check.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { defineHastPlugin, type PluginFactoryContext } from 'satteri';
import { splitIds, type PageMentions } from '../lib/mentions.ts';
import { CLAIM_STATUSES } from '../lib/claims.ts';
import { joinBase, localizedPath } from '../lib/url.ts';
import { ContentError } from '../lib/errors.ts';
import { DATA_FILES, dataIds, readData, readPages, readStrings, TRANSLATIONS_FOLDER } from '../lib/content-model.ts';
import { headingTexts } from '../lib/translation.ts';
import { questionSources } from '../lib/questions.ts';

interface JsxAttribute {
	type: string;
	name?: string;
	value?: unknown;
}
interface JsxNode {
	type: string;
	name?: string | null;
	attributes: readonly JsxAttribute[];
	position?: { start: { line: number } };
}
interface AstroData {
	astro?: { frontmatter?: Record<string, unknown> };
}

function attr(node: JsxNode, name: string): string | undefined {
	const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
	return typeof a?.value === 'string' ? a.value : undefined;
}

interface HastElement {
	type: 'element';
	tagName: string;
	properties: Record<string, unknown>;
	children: HastChild[];
}
type HastChild = HastElement | { type: 'text'; value: string };

const el = (tagName: string, properties: Record<string, unknown>, children: HastChild[] = []): HastElement => ({ type: 'element', tagName, properties, children });
/** A chain-link icon, drawn with strokes so it follows the link's colour. */
const LINK_ICON = el('svg', { width: '16', height: '16', viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: '2', strokeLinecap: 'round', ariaHidden: 'true', focusable: 'false' }, [
	el('path', { d: 'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7' }),
	el('path', { d: 'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7' }),
]);

/**
 * What follows a heading: a link to it, named "Section titled …" for screen readers, an icon for the eye
 * (shown on hover and focus by the CSS), and kept out of the search index. The heading and its link share
 * a wrapper, so the link is not part of the heading's name or the table of contents' text.
 */
export function headingAnchor(depth: number, id: string, text: string, label = 'Section titled “{text}”'): HastElement {
	return el('div', { className: ['heading-wrapper', `level-h${depth}`] }, [
		el('a', { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: '' }, [
			LINK_ICON,
			el('span', { className: ['sr-only'] }, [{ type: 'text', value: label.replace('{text}', text) }]),
		]),
	]);
}

export interface AtlasMarkdownOptions {
	/** The project folder, where src/content/data/ holds the sources and entities. */
	root: string;
	/** The configured base path, prefixed to root-relative Markdown links. */
	base: string;
}


/**
 * For a translated page (src/content/translations/<lang>/<page id>.mdx): its language, and the ids of the
 * English page's headings in order, as Astro's slugger gives them.
 */
function translationOf(root: string, file: string | undefined): { lang: string; headingIds: string[] } | undefined {
	if (!file) return undefined;
	const rel = relative(root, file).split('\\').join('/');
	if (!rel.startsWith(`${TRANSLATIONS_FOLDER}/`)) return undefined;
	const [lang, ...rest] = rel.slice(TRANSLATIONS_FOLDER.length + 1).replace(/\.mdx?$/, '').split('/');
	const english = readPages(root).find((p) => p.id === rest.join('/'));
	const slugger = new GithubSlugger();
	return { lang: lang!, headingIds: english ? headingTexts(english.body).map((t) => slugger.slug(t)) : [] };
}

/** One hast plugin per document (a factory), so each page gets its own citation order and knows its file. */
export function atlasMarkdown(options: AtlasMarkdownOptions) {
	return (doc: PluginFactoryContext) => {
		const file = doc.fileURL ? fileURLToPath(doc.fileURL) : undefined;
		const translation = translationOf(options.root, file);
		const sectionLabel = readStrings(options.root, translation?.lang ?? readData(options.root, 'languages')[0]?.id ?? 'en')['page.sectionTitled'];
		// Read once per change of the data files, shared with the build's other checks.
		const sources = dataIds(options.root, 'sources');
		const entities = dataIds(options.root, 'entities');
		const questions = new Map(readData(options.root, 'questions').map((q) => [q.id, q]));
		const order: string[] = [];
		const mentioned: string[] = [];
		const at = (node: JsxNode) => ({ file: file ?? 'content', line: node.position?.start.line });

		/** Numbers the ids in order of first citation and returns their numbers, as the `n` attribute gives them. */
		const cite = (ids: readonly string[]) => {
			for (const id of ids) if (!order.includes(id)) order.push(id);
			return ids.map((id) => order.indexOf(id) + 1).join(' ');
		};
		const mention = {
			filter: ['Cite', 'Entity', 'Claim', 'OpenQuestion'],
			visit(node: JsxNode, ctx: { setProperty: (node: never, key: string, value: unknown) => void }) {
				if (node.name === 'Cite') {
					const ids = splitIds(attr(node, 'id') ?? '');
					if (ids.length === 0) throw new ContentError(at(node), '<Cite> needs an id, e.g. <Cite id="s7" />.');
					for (const id of ids)
						if (!sources.has(id))
							throw new ContentError(
								at(node),
								`<Cite id="${id}"> cites a source that does not exist.`,
								`add "${id}" to src/content/data/sources.yaml, or use one of its ids.`,
							);
					ctx.setProperty(node as never, 'n', cite(ids));
				} else if (node.name === 'OpenQuestion') {
					const id = attr(node, 'id') ?? '';
					const question = questions.get(id);
					if (!question)
						throw new ContentError(
							at(node),
							`<OpenQuestion id="${id}"> names a question that does not exist.`,
							`add it to ${DATA_FILES.questions}, or use one of its ids.`,
						);
					// Its sources are the page's too: numbered here, in the order the box shows them.
					ctx.setProperty(node as never, 'n', cite(questionSources(question)));
				} else if (node.name === 'Entity') {
					const id = attr(node, 'id');
					if (!id || !entities.has(id))
						throw new ContentError(
							at(node),
							`<Entity id="${id ?? ''}"> names a person or organisation that does not exist.`,
							'add it to src/content/data/entities.yaml, or use one of its ids.',
						);
					if (!mentioned.includes(id)) mentioned.push(id);
				} else {
					const status = attr(node, 'status');
					if (!status || !(CLAIM_STATUSES as readonly string[]).includes(status))
						throw new ContentError(at(node), `<Claim status="${status ?? ''}"> must have a status of ${CLAIM_STATUSES.join(', ')}.`);
				}
			},
		};
		// Authors write root-relative links ("/rocketry/nova/"); under a sub-path they need the base in front.
		const baseLinks = {
			filter: ['a'],
			visit(node: { properties?: Record<string, unknown> }, ctx: { setProperty: (node: never, key: string, value: unknown) => void }) {
				const href = node.properties?.href;
				if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//'))
					ctx.setProperty(node as never, 'href', joinBase(options.base, translation ? localizedPath(href, { id: translation.lang, source: false }) : href));
			},
		};

		// Ids are given here, with the slugger Astro uses and in document order, so the anchor can link to them;
		// Astro's own heading-ids step then keeps them. Headings deeper than h4 get an id but no anchor.
		const slugger = new GithubSlugger();
		// A translation's sections take the English page's ids, in order, so links and anchors agree across languages.
		let headingIndex = 0;
		const headings = {
			filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
			visit(node: HastElement, ctx: { textContent: (node: never) => string; setProperty: (node: never, key: string, value: unknown) => void; wrapNode: (node: never, wrapper: never) => void }) {
				const text = ctx.textContent(node as never);
				const existing = node.properties?.id;
				const id = typeof existing === 'string' ? existing : (translation?.headingIds[headingIndex] ?? slugger.slug(text));
				headingIndex++;
				if (typeof existing !== 'string') ctx.setProperty(node as never, 'id', id);
				const depth = Number(node.tagName[1]);
				if (depth >= 2 && depth <= 4) ctx.wrapNode(node as never, headingAnchor(depth, id, text.trim(), sectionLabel) as never);
			},
		};

		return defineHastPlugin({
			name: 'atlas',
			options: { position: true },
			mdxJsxFlowElement: mention as never,
			mdxJsxTextElement: mention as never,
			element: (options.base === '/' && !translation ? [headings] : [headings, baseLinks]) as never,
			after: (_root, ctx) => {
				const astro = ((ctx.data as AstroData).astro ??= {});
				const listed = astro.frontmatter?.sources;
				if (!order.length && !(Array.isArray(listed) && listed.length))
					console.warn(`[atlas] ${relative(process.cwd(), file ?? 'content')}: cites no source. Add a <Cite id="…" /> before publishing.`);
				const found: PageMentions = { citations: order, entities: mentioned };
				astro.frontmatter = { ...astro.frontmatter, ...found };
			},
		});
	};
}

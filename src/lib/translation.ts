/**
 * What a translation must keep from the English page it translates, and how to tell whether it still does.
 *
 * A translated page (src/content/translations/<lang>/<page id>.mdx) is the site's own words in another
 * language, but its facts are the English page's: the same citations, claim tags and conflict boxes, the
 * same people and organisations, the same open questions, the same sections and internal links, and the same
 * figures and dates. `factSignature` reads all of these from a page's MDX, figures and dates as values (so
 * "$25 billion", "25.000 millones de dólares" and "250亿美元" agree), and `signatureDifferences` says in
 * words what a translation lost or added. The build and `npm run translations` both use them.
 *
 * Which English version a translation follows is recorded in its frontmatter as `translates:`, the
 * `version` (content-model's `pageVersion`) of the English file it was made from. When the English file changes, the versions differ
 * and the translation is shown as outdated.
 */
import { DATA_FILES, STRINGS_FOLDER, TRANSLATIONS_FOLDER, readDataTranslation, readStrings, type ContentModel, type PageFile, type TranslationFile } from './content-model.ts';

/** A page's facts, as a translation must keep them. Lists are sorted so order within the page is free. */
export interface FactSignature {
	citations: string[];
	claims: string[];
	conflicts: number;
	entities: string[];
	questions: string[];
	headings: string[];
	links: string[];
	figures: string[];
}

const MONTHS: Record<string, readonly string[]> = {
	en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
	es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

/** Words that multiply the number before them, per writing system. Longer ones first. */
const SCALES: Record<string, [RegExp, number][]> = {
	en: [
		[/^\s*trillion\b/i, 1e12],
		[/^\s*billion\b/i, 1e9],
		[/^\s*million\b/i, 1e6],
		[/^\s*thousand\b/i, 1e3],
	],
	es: [
		[/^\s*bill(?:ón|ones)(?!\p{L})/iu, 1e12],
		[/^\s*mil\s+millones(?!\p{L})/iu, 1e9],
		[/^\s*mill(?:ón|ones)(?!\p{L})/iu, 1e6],
		[/^\s*mil(?!\p{L})/iu, 1e3],
	],
	zh: [
		[/^\s*万亿/, 1e12],
		[/^\s*亿/, 1e8],
		[/^\s*万/, 1e4],
	],
};

/** What joins the two ends of a range or pair of figures, per writing system. */
const RANGE: Record<string, RegExp> = {
	en: /^\s*(?:–|-|to|and|or)\s*\$?\s*$/,
	es: /^\s*(?:–|-|a|y|o|e|u)\s*\$?\s*$/,
	zh: /^\s*(?:至|到|–|-|和|或|、)\s*$/,
};

/** How a language writes numbers: its thousands and decimal separators. */
function numberPattern(script: string): { re: RegExp; value: (s: string) => number } {
	if (script === 'es')
		return {
			// 22.800 or 22 800 (a space or a narrow no-break space), 1,25; a bare 2024 is a number too.
			re: /\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g,
			value: (s) => Number(s.replace(/[.\u00a0\u202f ]/g, '').replace(',', '.')),
		};
	return { re: /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g, value: (s) => Number(s.replace(/,/g, '')) };
}

const scriptOf = (lang: string) => (lang.startsWith('zh') ? 'zh' : lang.startsWith('es') ? 'es' : 'en');
const pad = (n: string | number) => String(n).padStart(2, '0');

/**
 * Dates in the language's usual long forms, and the text with them taken out: a full date as YYYY-MM-DD,
 * a month and year as YYYY-MM, a day and month as --MM-DD and a month alone as --MM, so "5 June", "5 de
 * junio" and "6月5日" agree. English month names count only when capitalised ("May", not "may").
 */
function takeDates(text: string, script: string): { dates: string[]; rest: string } {
	const dates: string[] = [];
	let rest = text;
	const take = (re: RegExp, toDate: (m: string[]) => string) => {
		rest = rest.replace(re, (...args) => {
			dates.push(toDate(args.slice(0, -2).map(String)));
			return ' ';
		});
	};
	if (script === 'zh') {
		const and = '\\s*(?:至|到|–|-|和|或|、|与|及)\\s*';
		// Ranges and pairs first: 2026年2月20日至21日, 2026年4月27日至5月18日, 2026年4月至5月, 12月3日或4日.
		take(new RegExp(`(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?${and}(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`, 'g'), (m) => `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)} ${m[1]}-${pad(m[4]!)}-${pad(m[5]!)}`);
		take(new RegExp(`(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?${and}(\\d{1,2})\\s*日`, 'g'), (m) => `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)} ${m[1]}-${pad(m[2]!)}-${pad(m[4]!)}`);
		take(new RegExp(`(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月${and}(\\d{1,2})\\s*月(?!\\s*\\d{1,2}\\s*日)`, 'g'), (m) => `${m[1]}-${pad(m[2]!)} ${m[1]}-${pad(m[3]!)}`);
		take(new RegExp(`(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?${and}(\\d{1,2})\\s*日`, 'g'), (m) => `--${pad(m[1]!)}-${pad(m[2]!)} --${pad(m[1]!)}-${pad(m[3]!)}`);
		take(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (m) => `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`);
		take(/(\d{4})\s*年\s*(\d{1,2})\s*月/g, (m) => `${m[1]}-${pad(m[2]!)}`);
		take(/(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, (m) => `--${pad(m[1]!)}-${pad(m[2]!)}`);
		take(/(\d{1,2})\s*月/g, (m) => `--${pad(m[1]!)}`);
		return { dates: dates.flatMap((d) => d.split(' ')), rest };
	}
	const months = MONTHS[script]!;
	// English months are capitalised, written out or cut to three letters ("Jan", "Sept."), as tables do.
	const names = script === 'en' ? months.map((m) => `${m[0]!.toUpperCase()}${m.slice(1, 3)}(?:${m.slice(3)}|${m === 'september' ? 't?' : ''}\\.?)`) : months;
	const flags = script === 'en' ? 'g' : 'gi';
	const month = `(${names.join('|')})`;
	const monthNumber = (name: string) => pad(months.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1);
	const and = script === 'es' ? '\\s*(?:–|-|\\by\\b|\\bo\\b|\\bal\\b|\\ba\\b|\\be\\b|\\bu\\b)\\s*' : '\\s*(?:–|-|\\band\\b|\\bor\\b|\\bto\\b)\\s*';
	const de = script === 'es' ? '\\s+de\\s+' : '\\s+';
	const ofYear = script === 'es' ? '\\s+de(?:l)?\\s+' : '\\s+';
	const re = (source: string) => new RegExp(source, flags);
	// Ranges and pairs first, so the shared month and year reach both ends: "20–22 May 2026",
	// "27 April to 18 May 2026", "April–May 2026", "3 or 4 December".
	take(re(`\\b(\\d{1,2})${de}${month}${and}(\\d{1,2})${de}${month}${ofYear}(\\d{4})`), (m) => `${m[5]}-${monthNumber(m[2]!)}-${pad(m[1]!)} ${m[5]}-${monthNumber(m[4]!)}-${pad(m[3]!)}`);
	take(re(`\\b(\\d{1,2})${and}(\\d{1,2})${de}${month}${ofYear}(\\d{4})`), (m) => `${m[4]}-${monthNumber(m[3]!)}-${pad(m[1]!)} ${m[4]}-${monthNumber(m[3]!)}-${pad(m[2]!)}`);
	take(re(`\\b${month}${and}${month}${ofYear}(\\d{4})`), (m) => `${m[3]}-${monthNumber(m[1]!)} ${m[3]}-${monthNumber(m[2]!)}`);
	take(re(`\\b(\\d{1,2})${and}(\\d{1,2})${de}${month}\\b`), (m) => `--${monthNumber(m[3]!)}-${pad(m[1]!)} --${monthNumber(m[3]!)}-${pad(m[2]!)}`);
	if (script === 'es') {
		take(re(`\\b(\\d{1,2})\\s+de\\s+${month}\\s+de(?:l)?\\s+(\\d{4})`), (m) => `${m[3]}-${monthNumber(m[2]!)}-${pad(m[1]!)}`);
		take(re(`\\b${month}\\s+de(?:l)?\\s+(\\d{4})`), (m) => `${m[2]}-${monthNumber(m[1]!)}`);
		take(re(`\\b(\\d{1,2})\\s+de\\s+${month}\\b`), (m) => `--${monthNumber(m[2]!)}-${pad(m[1]!)}`);
	} else {
		take(re(`\\b(\\d{1,2})\\s+${month}\\s+(\\d{4})`), (m) => `${m[3]}-${monthNumber(m[2]!)}-${pad(m[1]!)}`);
		take(re(`\\b${month}\\s+(\\d{1,2}),\\s+(\\d{4})`), (m) => `${m[3]}-${monthNumber(m[1]!)}-${pad(m[2]!)}`);
		take(re(`\\b${month}\\s+(\\d{4})`), (m) => `${m[2]}-${monthNumber(m[1]!)}`);
		take(re(`\\b(\\d{1,2})\\s+${month}\\b`), (m) => `--${monthNumber(m[2]!)}-${pad(m[1]!)}`);
	}
	take(re(`\\b${month}\\b`), (m) => `--${monthNumber(m[1]!)}`);
	return { dates: dates.flatMap((d) => d.split(' ')), rest };
}

/**
 * The figures and dates in a text, as values: dates as YYYY-MM-DD or YYYY-MM, numbers with their scale word
 * applied ("$510 million" → 510000000). Names that carry a number (GPT-5.6, S-1, Starcloud-2, LC-14) are
 * names, not figures, and are left out.
 */
export function figures(text: string, lang: string): string[] {
	const script = scriptOf(lang);
	const { dates, rest } = takeDates(text, script);
	const unnamed = rest.replace(/\b(?!(?:mid|early|late|pre|post)-)[A-Za-z][A-Za-z]*-\d[\w.]*/gi, ' ').replace(/\b[A-Za-z]+\d[\w.]*/g, ' ');
	const { re, value } = numberPattern(script);
	const numbers = [...unnamed.matchAll(re)].map((m) => {
		const end = m.index! + m[0].length;
		const after = unnamed.slice(end, end + 16);
		return { value: value(m[0]), end, next: m.index!, scale: SCALES[script]!.find(([word]) => word.test(after))?.[1] ?? 1, plain: /^\d{4}$/.test(m[0]) };
	});
	// A range or pair shares the scale word written after its second number: "$20–25 billion", "79 and 134 billion".
	for (let i = numbers.length - 2; i >= 0; i--) {
		const [a, b] = [numbers[i]!, numbers[i + 1]!];
		if (a.scale === 1 && b.scale > 1 && !a.plain && RANGE[script]!.test(unnamed.slice(a.end, b.next))) a.scale = b.scale;
	}
	return [...dates, ...numbers.map((n) => String(Number((n.value * n.scale).toPrecision(12))))].sort();
}

/** The text of a page's Markdown headings (`## …`), in order, outside code blocks. */
export function headingTexts(body: string): string[] {
	let fenced = false;
	const out: string[] = [];
	for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const h = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
		if (h) out.push(h[1]!);
	}
	return out;
}

const attrOf = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

/** A page's facts, read from its MDX body (without frontmatter). */
export function factSignature(body: string, lang: string): FactSignature {
	const lines = body.replace(/\r\n?/g, '\n').split('\n');
	const prose: string[] = [];
	const headings: string[] = [];
	let fenced = false;
	for (const line of lines) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		if (fenced || /^\s*(import|export)\s/.test(line)) continue;
		const h = /^(#{1,6})\s+\S/.exec(line);
		if (h) headings.push(`h${h[1]!.length}`);
		prose.push(line);
	}
	const text = prose.join('\n');
	const tags = [...text.matchAll(/<([A-Z][A-Za-z]*)\b[^>]*>/g)].map((m) => ({ name: m[1]!, tag: m[0] }));
	const ids = (name: string, attr: string) => tags.filter((t) => t.name === name).map((t) => (attrOf(t.tag, attr) ?? '').trim().split(/\s+/).join(' '));
	// What a reader reads: tags out (their visible attributes kept), link targets out, link text kept.
	const titles = tags.map((t) => attrOf(t.tag, 'title') ?? '').join('\n');
	const readable = `${text.replace(/<[^>]+>/g, ' ').replace(/\]\([^)]*\)/g, ']')}\n${titles}`;
	return {
		citations: ids('Cite', 'id').sort(),
		claims: ids('Claim', 'status').sort(),
		conflicts: tags.filter((t) => t.name === 'Conflict').length,
		entities: ids('Entity', 'id').sort(),
		questions: ids('OpenQuestion', 'id').sort(),
		headings,
		links: [...text.matchAll(/\]\((\/[^)\s]*)\)/g)].map((m) => m[1]!).sort(),
		figures: figures(readable, lang),
	};
}

/** What one list has that the other lacks, counting repeats: a multiset difference. */
function missing(from: readonly string[], other: readonly string[]): string[] {
	const left = [...other];
	return from.filter((x) => {
		const i = left.indexOf(x);
		if (i === -1) return true;
		left.splice(i, 1);
		return false;
	});
}

const FIELDS: { key: keyof FactSignature; what: string }[] = [
	{ key: 'citations', what: '<Cite id>' },
	{ key: 'claims', what: '<Claim status>' },
	{ key: 'entities', what: '<Entity id>' },
	{ key: 'questions', what: '<OpenQuestion id>' },
	{ key: 'links', what: 'internal link' },
	{ key: 'figures', what: 'figure or date' },
];

/**
 * How a translation differs from the English page in its facts, one line each; none when it keeps them all.
 * Figures and dates are shown as values (2024-06-05, 510000000), whatever the language wrote.
 */
export function signatureDifferences(english: FactSignature, translation: FactSignature): string[] {
	const out: string[] = [];
	for (const { key, what } of FIELDS) {
		const en = english[key] as string[];
		const tr = translation[key] as string[];
		const lost = missing(en, tr);
		const added = missing(tr, en);
		if (lost.length) out.push(`missing ${what}: ${lost.map((x) => JSON.stringify(x)).join(', ')}`);
		if (added.length) out.push(`${what} not in the English page: ${added.map((x) => JSON.stringify(x)).join(', ')}`);
	}
	if (english.conflicts !== translation.conflicts) out.push(`has ${translation.conflicts} <Conflict> boxes where the English page has ${english.conflicts}`);
	if (english.headings.join(' ') !== translation.headings.join(' '))
		out.push(`its headings (${translation.headings.join(' ') || 'none'}) do not match the English page's sections (${english.headings.join(' ') || 'none'}) one for one`);
	return out;
}

/** Whether a page has a translation in a language, and whether it follows the English page as it is now. */
export type TranslationState = 'current' | 'outdated' | 'missing';

export interface TranslationStatus {
	/** The English page's id. */
	page: string;
	lang: string;
	state: TranslationState;
	/** The translation's file, when there is one. */
	file?: string;
	/** The English page's version now. */
	version: string;
	/** The English version the translation follows, as it records it. */
	translates?: string | undefined;
}

/** Whether a translation follows its English page as it is now: it records the English file's version as `translates`. */
export function isCurrentTranslation(translates: unknown, english: Pick<PageFile, 'version'>): boolean {
	return translates === english.version;
}

/** The language ids other than the source language (the first in languages.yaml). */
export const targetLanguages = (model: Pick<ContentModel, 'languages'>): string[] => model.languages.slice(1).map((l) => l.id);

/** Every English page × every other language: current, outdated or missing. Drafts are left out. */
export function translationStatus(model: Pick<ContentModel, 'languages' | 'pages' | 'translations'>): TranslationStatus[] {
	const byKey = new Map(model.translations.map((t) => [`${t.lang}/${t.id}`, t]));
	return model.pages
		.filter((p) => p.fields.draft !== true)
		.flatMap((page) =>
			targetLanguages(model).map((lang): TranslationStatus => {
				const t = byKey.get(`${lang}/${page.id}`);
				if (!t) return { page: page.id, lang, state: 'missing', version: page.version };
				const translates = t.fields.translates === undefined ? undefined : String(t.fields.translates);
				return { page: page.id, lang, state: isCurrentTranslation(translates, page) ? 'current' : 'outdated', file: t.file, version: page.version, translates };
			}),
		);
}

/**
 * The problems in one translated page: its place, its fields, and any fact it does not keep. Facts are
 * compared only while the translation is current (its `translates` is the English page's version): once the
 * English page changes, the translation is outdated, says so to its readers, and is compared again when a
 * translator brings it up to date (`compareOutdated` compares it anyway, for the translators' tool).
 */
export function translationFileProblems(t: TranslationFile, english: PageFile | undefined, languages: readonly string[], compareOutdated = false): string[] {
	if (!languages.includes(t.lang))
		return [`${t.file}: "${t.lang}" is not a language to translate into (add it to ${DATA_FILES.languages}, after the first entry, or move the file)`];
	if (!english) return [`${t.file}: translates "${t.id}", which is not a page (its path under ${TRANSLATIONS_FOLDER}/${t.lang}/ must match an English page's, such as rocketry/nova.mdx or story.mdx)`];
	const problems: string[] = [];
	for (const field of ['title', 'description', 'translates'])
		if (typeof t.fields[field] !== 'string' || !String(t.fields[field]).trim())
			problems.push(
				`${t.file}: field "${field}" is missing${field === 'translates' ? ` (write the English page's version, ${english.version}, as \`npm run translations\` shows it)` : ''}`,
			);
	const description = t.fields.description;
	if (typeof description === 'string' && description.length > 160) problems.push(`${t.file}: field "description" must be at most 160 characters`);
	if (!isCurrentTranslation(t.fields.translates, english) && !compareOutdated) return problems;
	for (const d of signatureDifferences(factSignature(english.body, 'en'), factSignature(t.body, t.lang))) problems.push(`${t.file}: ${d} (compared with ${english.file})`);
	return problems;
}

/** The texts of each data list a language may translate, by list: the fields a reader sees. */
export const TRANSLATED_DATA_FIELDS = {
	themes: ['title', 'summary'],
	entities: ['description'],
	events: ['title', 'dateLabel'],
	questions: ['question', 'text'],
} as const;

/** The source-language text of a data entry's field (`text` is an open question's lastKnown.text). */
export function dataText(entry: Record<string, unknown>, field: string): string | undefined {
	const value = field === 'text' ? (entry.lastKnown as { text?: unknown } | undefined)?.text : entry[field];
	return typeof value === 'string' ? value : undefined;
}

/** The problems in a language's data texts: unknown entries or fields, and figures or dates that differ. */
export function dataTranslationProblems(root: string, model: ContentModel, lang: string): string[] {
	const file = `${TRANSLATIONS_FOLDER}/${lang}/data.yaml`;
	const data = readDataTranslation(root, lang);
	const problems: string[] = [];
	for (const [list, entries] of Object.entries(data)) {
		const fields = TRANSLATED_DATA_FIELDS[list as keyof typeof TRANSLATED_DATA_FIELDS] as readonly string[] | undefined;
		if (!fields) {
			problems.push(`${file}: "${list}" is not a list with texts to translate (use ${Object.keys(TRANSLATED_DATA_FIELDS).join(', ')})`);
			continue;
		}
		const english = new Map((model[list as keyof typeof TRANSLATED_DATA_FIELDS] as Record<string, unknown>[]).map((e) => [String(e.id), e]));
		for (const [id, texts] of Object.entries(entries ?? {})) {
			const source = english.get(id);
			if (!source) {
				problems.push(`${file}: ${list} entry "${id}" is not in ${DATA_FILES[list as keyof typeof TRANSLATED_DATA_FIELDS]}`);
				continue;
			}
			for (const [field, value] of Object.entries(texts ?? {})) {
				const en = fields.includes(field) ? dataText(source, field) : undefined;
				if (en === undefined) {
					problems.push(`${file}: ${list} entry "${id}", field "${field}": not a text to translate here (use ${fields.join(', ')})`);
					continue;
				}
				const lost = missing(figures(en, 'en'), figures(String(value), lang));
				const added = missing(figures(String(value), lang), figures(en, 'en'));
				if (lost.length || added.length)
					problems.push(
						`${file}: ${list} entry "${id}", field "${field}": figures or dates differ from the English (${[...lost.map((x) => `missing ${x}`), ...added.map((x) => `extra ${x}`)].join(', ')})`,
					);
			}
		}
	}
	return problems;
}

/** The problems with a language's interface strings: a missing file, or a key the source language has and it lacks. */
export function stringProblems(root: string, model: Pick<ContentModel, 'languages'>): string[] {
	const [source, ...others] = model.languages.map((l) => l.id);
	if (!source) return [];
	const keys = Object.keys(readStrings(root, source));
	return others.flatMap((lang) => {
		const strings = readStrings(root, lang);
		const file = `${STRINGS_FOLDER}/${lang}.yaml`;
		if (!Object.keys(strings).length) return [`${file}: the interface strings for "${lang}" are missing (copy ${STRINGS_FOLDER}/${source}.yaml and translate every value)`];
		return keys.filter((k) => typeof strings[k] !== 'string' || !strings[k]).map((k) => `${file}: missing string "${k}" for language "${lang}"`);
	});
}

/** Every translation problem in the content: pages, data texts and interface strings. */
export function translationProblems(root: string, model: ContentModel): string[] {
	const english = new Map(model.pages.map((p) => [p.id, p]));
	const languages = targetLanguages(model);
	return [
		...model.translations.flatMap((t) => translationFileProblems(t, english.get(t.id), languages)),
		...languages.flatMap((lang) => dataTranslationProblems(root, model, lang)),
		...stringProblems(root, model),
	];
}

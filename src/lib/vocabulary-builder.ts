/**
 * Making the "Did you mean" vocabulary (see did-you-mean.ts) from the pages' text, at build time and in dev.
 * Kept apart from did-you-mean.ts, which the browser loads after a search that found little.
 */
import { normalizeTerm, type Vocabulary, type VocabularyTerm } from './did-you-mean.ts';
import { ownCopy } from './owned-strings.ts';

let segmenter: Intl.Segmenter | undefined;
/** Splits Chinese text into words (made once; the build's Node has the ICU data for it). */
const hanSegmenter = () => (segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));

const STOP = new Set('the and for that with from this was were are has have had its his her their they them into over than then also but not can will would could which who whom what when where while about after before been being more most such only other some these those there said says say his she him our out one two may might per via'.split(' '));

/** Collects words and names from pages, then gives the vocabulary: names and titles first, then the most frequent words. */
export class VocabularyBuilder {
	#names = new Map<string, { display: string; weight: number }>();
	#words = new Map<string, { forms: Map<string, number>; count: number; boost: number }>();
	/**
	 * Each form read, as a copy of its own (see owned-strings.ts: a form cut from a page's text could keep
	 * the text alive), with its normalized key, worked out once: most words recur.
	 */
	#forms = new Map<string, { form: string; key: string }>();

	/**
	 * A name or title, and each of its words with a boost. A title is kept whole when it is short enough to
	 * be typed (at most four words, no digits); a name (`whole`) always is.
	 */
	addName(text: string, weight = 50, whole = false) {
		const clean = text.replace(/\s+/g, ' ').trim();
		const key = normalizeTerm(clean);
		if (!key) return;
		const n = key.split(' ').length;
		if (n > 1 && (whole || (n <= 4 && clean.length <= 40 && !/\d/.test(key)))) {
			const known = this.#names.get(key);
			this.#names.set(key, { display: known?.display ?? clean, weight: (known?.weight ?? 0) + weight });
		}
		this.addText(clean, 5);
	}

	/**
	 * Running text: every word of three letters or more that is not a number or a stop word. Chinese, written
	 * without spaces, is split into its words first (Intl.Segmenter), and words of two characters count.
	 */
	addText(text: string, boost = 0) {
		for (const m of text.matchAll(/[\p{L}][\p{L}\p{N}'’-]*[\p{L}\p{N}]/gu)) {
			if (/\p{Script=Han}/u.test(m[0])) {
				for (const s of hanSegmenter().segment(m[0])) if (s.isWordLike && /^\p{Script=Han}{2,8}$/u.test(s.segment)) this.#addWord(this.#read(s.segment), boost);
				continue;
			}
			const form = m[0].replace(/['’]s$/, '');
			if (form.length < 3 || form.length > 30) continue;
			if (/[-'’]/.test(form)) {
				for (const part of form.split(/[-'’]/)) if (part.length >= 3) this.addText(part, boost);
				continue;
			}
			const read = this.#read(form);
			if (STOP.has(read.key) || /\d/.test(read.key)) continue;
			this.#addWord(read, boost);
		}
	}

	/** A form as the builder keeps it: its own copy and its key, from the table of forms read. */
	#read(text: string): { form: string; key: string } {
		let read = this.#forms.get(text);
		if (!read) {
			const form = ownCopy(text);
			this.#forms.set(form, (read = { form, key: normalizeTerm(form) }));
		}
		return read;
	}

	#addWord({ form, key }: { form: string; key: string }, boost: number) {
		let w = this.#words.get(key);
		if (!w) this.#words.set(key, (w = { forms: new Map(), count: 0, boost: 0 }));
		w.count++;
		w.boost += boost;
		w.forms.set(form, (w.forms.get(form) ?? 0) + 1);
	}

	/** The vocabulary: every name, then up to `maxWords` words, by weight. */
	build(maxWords = 8000): Vocabulary {
		const display = (forms: Map<string, number>) => {
			const lower = [...forms.keys()].find((f) => f === f.toLowerCase());
			if (lower && (forms.get(lower) ?? 0) * 4 >= Math.max(...forms.values())) return lower;
			return [...forms].sort((a, b) => b[1] - a[1])[0]![0];
		};
		const words = [...this.#words.values()]
			.filter((w) => w.count >= 2 || w.boost > 0)
			.map((w): VocabularyTerm => [display(w.forms), w.count + w.boost])
			.sort((a, b) => b[1] - a[1])
			.slice(0, maxWords);
		const names = [...this.#names.values()].map((n): VocabularyTerm => [n.display, n.weight]).sort((a, b) => b[1] - a[1]);
		return { version: 1, terms: [...names, ...words] };
	}
}

/** The text of a built page that search indexes: its title, headings and its `data-pagefind-body` text. */
export function pageText(html: string): { title: string; headings: string[]; body: string } {
	const bodyStart = html.search(/<[^>]+data-pagefind-body/);
	const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
	const region = bodyStart >= 0 ? html.slice(bodyStart) : '';
	const headings = [...region.matchAll(/<h[2-3][^>]*>([\s\S]*?)<\/h[2-3]>/g)].map((m) => stripTags(m[1]!));
	// Whatever Pagefind ignores is left out too (navigation, citations' lists).
	const body = stripTags(region.replace(/<([a-z]+)[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<(script|style|template)[\s\S]*?<\/\1>/g, ' '));
	return { title: stripTags(title), headings, body };
}

function stripTags(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' })[e] ?? ' ')
		.replace(/&#x?[0-9a-f]+;/gi, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

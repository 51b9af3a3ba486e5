import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { editDistance, maxEdits, normalizeTerm, prepare, suggest, type Vocabulary } from '../../src/lib/did-you-mean.ts';
import { pageText, VocabularyBuilder } from '../../src/lib/vocabulary-builder.ts';

/** Names from the story, as a vocabulary would hold them, among ordinary words of the site. */
const STORY: Vocabulary = {
	version: 1,
	terms: [
		['Stoke Space', 120], ['Sam Altman', 200], ['Elon Musk', 180], ['Andy Lapsa', 40], ['Gwynne Shotwell', 20],
		['Project Suncatcher', 30], ['Merge Labs', 30], ['Blue Origin', 60],
		...(['Starcloud', 'Suncatcher', 'Neuralink', 'Lapsa', 'Shotwell', 'Stoke', 'Pagefind', 'Altman', 'Musk', 'Starship', 'Nova', 'Zenith', 'Oklo', 'Nvidia', 'Bezos'] as const).map((w): [string, number] => [w, 30]),
		...'stoke stock stake strike smoke space spaces spice star start stars starlink cloud clouds sunset catch catcher neural link lapse lapses shot shotgun well page pages find found finds rocket rockets engine engines orbit orbital launch launches data centre centres power heat radiation satellite satellites'.split(' ').map((w): [string, number] => [w, 10]),
	],
};

describe('edit distance', () => {
	it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
		expect(editDistance('stoke', 'stoke')).toBe(0);
		expect(editDistance('stokke', 'stoke')).toBe(1);
		expect(editDistance('stoke', 'stake')).toBe(1);
		expect(editDistance('stkoe', 'stoke')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});
	it('gives up beyond the limit', () => {
		expect(editDistance('starcloud', 'neuralink', 2)).toBe(3);
	});
	it('allows more edits for longer words, none for short ones', () => {
		expect([3, 4, 5, 6, 9, 10, 14].map(maxEdits)).toEqual([0, 1, 1, 2, 2, 3, 3]);
	});
	it('normalizes case, accents, possessives and punctuation', () => {
		expect(normalizeTerm("  Nova's  DESIGN — Zénith!")).toBe('nova design zenith');
	});
});

describe('suggest', () => {
	const m = prepare(STORY);
	const misspellings: [string, string][] = [
		['Starclod', 'Starcloud'],
		['Suncatchr', 'Suncatcher'],
		['Neuralnk', 'Neuralink'],
		['Lapssa', 'Lapsa'],
		['Shotwel', 'Shotwell'],
		['Stokke', 'Stoke'],
		['Pagefnd', 'Pagefind'],
		['Altmann', 'Altman'],
		['Starshp', 'Starship'],
		['Zenit', 'Zenith'],
		['Stoke Spcae', 'Stoke Space'],
		['Sam Altmann', 'Sam Altman'],
		['elonmusk', 'Elon Musk'],
		['Gwyne Shotwel', 'Gwynne Shotwell'],
	];
	for (const [typed, meant] of misspellings) {
		it(`offers “${meant}” for “${typed}”`, () => {
			const texts = suggest(typed, m).map((s) => s.text);
			expect(texts).toContain(meant);
			expect(texts.length).toBeLessThanOrEqual(3);
		});
	}
	it('puts the intended name first for a one-letter slip', () => {
		expect(suggest('Starclod', m)[0]).toEqual({ text: 'Starcloud', distance: 1 });
		expect(suggest('Neuralnk', m)[0]!.text).toBe('Neuralink');
	});
	it('keeps the words it knows and corrects the others', () => {
		expect(suggest('Starclod orbital', m).map((s) => s.text)).toContain('Starcloud orbital');
	});
	it('never offers the query itself, and nothing for nonsense or very short words', () => {
		expect(suggest('Starcloud', m).map((s) => s.text)).not.toContain('Starcloud');
		expect(suggest('qwxzvbk', m)).toEqual([]);
		expect(suggest('xyz', m)).toEqual([]);
		expect(suggest('', m)).toEqual([]);
	});
	it('is not fooled by markup-like or very long input', () => {
		expect(suggest('<img src=x onerror=alert(1)>', m).every((s) => !s.text.includes('<'))).toBe(true);
		expect(suggest('x'.repeat(10_000), m)).toEqual([]);
	});
});

describe('the vocabulary from built pages', () => {
	it('takes the title, headings and indexed text, not what search ignores', () => {
		const html = '<html><body><nav data-pagefind-ignore="all">Sidebarword</nav><article data-pagefind-body><h1>Nova&#39;s design</h1><h2 id="a">Heat shield</h2><p>Stoke builds Nova<sup data-pagefind-ignore>[1]</sup> with Stoke.</p></article></body></html>';
		const t = pageText(html);
		expect(t.title).toBe("Nova's design");
		expect(t.headings).toEqual(['Heat shield']);
		expect(t.body).toContain('Stoke builds Nova');
		expect(t.body).not.toContain('Sidebarword');
		expect(t.body).not.toContain('[1]');
	});
	it('keeps names whole, words by weight, and drops numbers and stop words', () => {
		const b = new VocabularyBuilder();
		b.addName('Stoke Space');
		b.addText('the rocket and the rocket engine 2025 went to orbit; the orbit');
		const terms = b.build().terms.map((t) => t[0]);
		expect(terms).toContain('Stoke Space');
		expect(terms).toContain('Stoke');
		expect(terms).toContain('rocket');
		expect(terms).toContain('orbit');
		expect(terms).not.toContain('the');
		expect(terms).not.toContain('2025');
		expect(terms).not.toContain('engine'); // seen once in running text
	});
});

describe('the site’s own names', () => {
	// Built at test time from the data and the pages' sources, so the test follows the content as it is rewritten.
	const b = new VocabularyBuilder();
	const entities = loadYaml(readFileSync('src/content/data/entities.yaml', 'utf8')) as { name: string; aliases?: string[] }[];
	for (const e of entities) for (const n of [e.name, ...(e.aliases ?? [])]) b.addName(n, 100, true);
	const dir = 'src/content/docs';
	for (const theme of readdirSync(dir)) {
		for (const f of readdirSync(join(dir, theme))) {
			const text = readFileSync(join(dir, theme, f), 'utf8');
			b.addName(/^title:\s*(.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '') ?? '');
			b.addText(text.replace(/^---[\s\S]*?---/, ''));
		}
	}
	const m = prepare(b.build());
	// One slip (a letter dropped, doubled, swapped or changed) in each single-word entity name of six letters or more.
	const names = entities.map((e) => e.name).filter((n) => /^[A-Za-z]{6,}$/.test(n));
	it('has names to test', () => expect(names.length).toBeGreaterThanOrEqual(5));
	for (const name of names) {
		const slips = [name.slice(0, 3) + name.slice(4), name.slice(0, 4) + name[4] + name.slice(4), name.slice(0, 2) + name[3] + name[2] + name.slice(4)];
		for (const typo of slips) {
			if (normalizeTerm(typo) === normalizeTerm(name)) continue;
			it(`offers “${name}” for “${typo}”`, () => expect(suggest(typo, m).map((s) => normalizeTerm(s.text))).toContain(normalizeTerm(name)));
		}
	}
});

/**
 * Content integrity: what the knowledge base promises readers, checked on the real content with the same
 * compiler, plugin and rules as the build and `npm run check:content` (scripts/lib/content-report.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contentReport, REPETITION, type ContentReport } from '../../scripts/lib/content-report.ts';
import { readContent } from '../../src/lib/content-model.ts';
import { ROOT } from '../support/project.ts';
import { formatPartialDate } from '../../src/lib/dates.ts';

const model = readContent(ROOT);
const published = model.pages.filter((p) => p.fields.draft !== true);
let report: ContentReport;
beforeAll(async () => {
	report = await contentReport(ROOT);
}, 60_000);

describe('pages', () => {
	it('has at least six published pages in every theme, and the story overview', () => {
		for (const t of model.themes) expect(published.filter((p) => p.folder === t.id).length, t.id).toBeGreaterThanOrEqual(6);
		expect(published.some((p) => p.id === 'story')).toBe(true);
	});
	it.each(published.map((p) => [p.file]))('%s compiles, cites, runs 600–1,500 words and opens with a summary', (file) => {
		const page = report.pages.find((r) => r.page.file === file)!;
		expect(page.problems).toEqual([]);
		expect(page.citations.length).toBeGreaterThan(0);
	});
	it('records changes newest first, none later than the page’s `updated` date', () => {
		for (const p of published) {
			const dates = ((p.fields.changes as { date: string }[] | undefined) ?? []).map((c) => String(c.date));
			expect(dates, p.file).toEqual([...dates].sort().reverse());
			if (dates.length) expect(dates[0]! <= String(p.fields.updated ?? ''), `${p.file}: a change after "updated"`).toBe(true);
		}
	});
});

describe('the content as a whole', () => {
	it('breaks no reference rule, uses every source and mentions every entity', () => {
		expect(report.site.filter((s) => !/8-word phrases/.test(s))).toEqual([]);
	});
	it(`tells each fact on one page: at most ${REPETITION.maxShare * 100} % of 8-word phrases shared, no pair over ${REPETITION.maxPairPhrases}`, () => {
		expect(report.repetition.share).toBeLessThanOrEqual(REPETITION.maxShare);
		expect(report.repetition.pairs.filter((p) => p.common.length > REPETITION.maxPairPhrases).map((p) => `${p.a} ~ ${p.b}`)).toEqual([]);
	});
});

describe('the sources\' horizon and the open questions', () => {
	const horizon = String(model.atlas.find((x) => x.id === 'horizon')?.date);
	it('writes the horizon once, in atlas.yaml, as a real date', () => {
		expect(horizon).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});
	it('leaves the horizon out of every page\'s prose and every open question (the layout and the box show it)', () => {
		const shown = formatPartialDate(horizon);
		// The date itself, and the phrasings that used to stand for it ("up to late June 2026", "by mid-2026").
		const phrases = new RegExp(`${shown}|${horizon}|\\b(up to|by|as of|until|through) (late|early|mid)[- ]?(June|July)( 2026)?\\b|by mid-2026|sources (run|reach) to`, 'i');
		for (const p of published) expect(p.body, p.file).not.toMatch(phrases);
		for (const q of model.questions) expect(JSON.stringify(q.lastKnown), q.id).not.toMatch(phrases);
	});
	it('shows every open question on the page that owns it', () => {
		for (const q of model.questions) {
			const owner = published.find((p) => p.id === q.page);
			expect(owner?.body, `${q.id} on ${q.page}`).toContain(`<OpenQuestion id="${q.id}" />`);
		}
	});
});

describe('data collections', () => {
	it('has at least 15 entities and 30 events', () => {
		expect(model.entities.length).toBeGreaterThanOrEqual(15);
		expect(model.events.length).toBeGreaterThanOrEqual(30);
	});
	it('dates every event, sorted oldest first, each with a theme and a source', () => {
		const dates = model.events.map((e) => String(e.date));
		for (const e of model.events) {
			expect(String(e.date), e.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
			expect((e.themes as string[]).length, e.id).toBeGreaterThan(0);
			expect((e.sources as string[]).length, e.id).toBeGreaterThan(0);
		}
		expect(dates).toEqual([...dates].sort());
	});
	it('marks as after the article (early December 2025) only events dated from December 2025 on', () => {
		const wrong = model.events.filter((e) => e.afterArticle === true && String(e.date) < '2025-12').map((e) => e.id);
		expect(wrong).toEqual([]);
		expect(model.events.filter((e) => e.afterArticle === true).length).toBeGreaterThan(30);
	});
});

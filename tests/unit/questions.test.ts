/**
 * The rules for open questions and the sources' horizon (src/lib/content-rules.ts), on a small model made
 * here: each mistake an editor can make in questions.yaml or atlas.yaml gives one sentence that names the
 * file, the entry and the field. And an answered question becomes a dated update.
 */
import { describe, expect, it } from 'vitest';
import { contentProblems, externalLinks } from '../../src/lib/content-rules.ts';
import type { ContentModel, DataItem, PageFile } from '../../src/lib/content-model.ts';
import { collectUpdates } from '../../src/lib/updates.ts';
import { citationNumbers, questionSources } from '../../src/lib/questions.ts';

const page = (id: string, body = 'Text.'): PageFile => ({
	file: `src/content/docs/${id}.mdx`, collection: 'docs', id, folder: id.split('/')[0], fields: { title: id, description: id }, frontmatter: 'title: x\ndescription: y', body, version: 'v1',
});
const question = (over: Partial<DataItem> = {}): DataItem => ({
	id: 'nova-first-flight',
	question: 'Has Nova flown?',
	page: 'rocketry/nova',
	themes: ['rocketry'],
	state: 'open',
	lastKnown: { date: '2026-06', text: 'Not yet.', status: 'unsure', sources: ['s1'] },
	superseded: [{ expected: 'early 2026', date: '2025-12', sources: ['s2'] }],
	...over,
});
const model = (questions: DataItem[], over: Partial<ContentModel> = {}): ContentModel => ({
	themes: [{ id: 'rocketry' }],
	sources: [{ id: 's1', group: 'rocketry' }, { id: 's2', group: 'rocketry' }],
	entities: [],
	languages: [{ id: 'en' }],
	translations: [],
	events: [{ id: 'nova-flies', date: '2026-05-01', sources: ['s1'], themes: ['rocketry'], pages: ['rocketry/nova'] }],
	questions,
	atlas: [{ id: 'horizon', date: '2026-07-05' }],
	pages: [page('rocketry/nova')],
	...over,
});
const FILE = 'src/content/data/questions.yaml: entry "nova-first-flight"';

describe('open questions', () => {
	it('accepts an open question and an answered one that names an event', () => {
		expect(contentProblems(model([question(), question({ id: 'b', state: 'answered', answeredBy: 'nova-flies' })]))).toEqual([]);
	});
	it('rejects an answer that names no event, or an event that does not exist', () => {
		expect(contentProblems(model([question({ state: 'answered' })]))).toEqual([`${FILE}, field "answeredBy": an answered question must name the event that answered it (an id from src/content/data/events.yaml)`]);
		expect(contentProblems(model([question({ state: 'answered', answeredBy: 'nova-explodes' })]))).toEqual([`${FILE}, field "answeredBy": no event with id "nova-explodes" in src/content/data/events.yaml`]);
	});
	it('rejects an open question that names an answer', () => {
		expect(contentProblems(model([question({ answeredBy: 'nova-flies' })]))[0]).toMatch(/field "answeredBy": an open question cannot be answered by "nova-flies"/);
	});
	it('rejects a page that does not exist', () => {
		expect(contentProblems(model([question({ page: 'rocketry/gone' })]))).toEqual([`${FILE}, field "page": "rocketry/gone" is not a published page (use an id such as rocketry/nova, or story)`]);
	});
	it('rejects impossible dates, and a last known state after the horizon', () => {
		const bad = question({ lastKnown: { date: '2026-02-30', text: 'x', status: 'unsure', sources: ['s1'] }, superseded: [{ expected: 'x', date: '2025-13', sources: ['s1'] }] });
		expect(contentProblems(model([bad]))).toEqual([
			`${FILE}, field "lastKnown.date": "2026-02-30" is not a real date (write YYYY, YYYY-MM or YYYY-MM-DD)`,
			`${FILE}, field "superseded[0].date": "2025-13" is not a real date (write YYYY, YYYY-MM or YYYY-MM-DD)`,
		]);
		const late = question({ lastKnown: { date: '2026-08-01', text: 'x', status: 'unsure', sources: ['s1'] } });
		expect(contentProblems(model([late]))[0]).toMatch(/field "lastKnown.date": "2026-08-01" is after the sources' horizon \(2026-07-05, in src\/content\/data\/atlas\.yaml\)/);
	});
	it('rejects unknown sources and themes', () => {
		const bad = question({ themes: ['cooking'], superseded: [{ expected: 'x', date: '2025', sources: ['s9'] }] });
		expect(contentProblems(model([bad]))).toEqual([
			'src/content/data/questions.yaml: entry "nova-first-flight", field "sources": no source with id "s9"',
			'src/content/data/questions.yaml: entry "nova-first-flight", field "themes": no theme with id "cooking"',
		]);
	});
	it('numbers a question\'s sources in the order its box shows them', () => {
		expect(questionSources(question())).toEqual(['s1', 's2']);
		expect(questionSources({ lastKnown: { sources: [{ id: 's2' }] }, superseded: [{ sources: [{ id: 's2' }, { id: 's1' }] }] })).toEqual(['s2', 's1']);
		expect([...citationNumbers(['s1', 's2'], '4 1')]).toEqual([['s1', '4'], ['s2', '1']]);
	});
	it('puts an answered question on the updates, dated by the event that answered it', () => {
		const events = [{ id: 'nova-flies', date: '2026-05-01', title: 'Nova flies.', status: 'confirmed' as const, afterArticle: true, pages: ['rocketry/nova'] }];
		const pages = [{ id: 'rocketry/nova', title: 'Nova', changes: [] }];
		const open = collectUpdates(events, pages, [{ id: 'q', question: 'Has Nova flown?', page: 'rocketry/nova', state: 'open' }]);
		expect(open.map((u) => u.kind)).toEqual(['event']);
		const answered = collectUpdates(events, pages, [{ id: 'q', question: 'Has Nova flown?', page: 'rocketry/nova', state: 'answered', answeredBy: 'nova-flies' }]);
		expect(answered.find((u) => u.kind === 'answer')).toMatchObject({ date: '2026-05-01', question: 'Has Nova flown?', text: 'Nova flies.', path: '/rocketry/nova/', permalink: '/open-questions/#q' });
	});
});

describe('the sources\' horizon', () => {
	it('must be written once, as a real date', () => {
		expect(contentProblems(model([], { atlas: [] }))).toEqual(['src/content/data/atlas.yaml: entry "horizon", field "date": the sources\' horizon must be a real date written YYYY-MM-DD']);
		expect(contentProblems(model([], { atlas: [{ id: 'horizon', date: '2026-06-31' }] }))).toHaveLength(1);
	});
});

describe('external links in prose', () => {
	it('are found with their line, outside code, in Markdown links, autolinks and <a href>', () => {
		const body = 'Intro.\n\nSee [a report](https://example.org/x) and <https://example.org/y>.\n\n```\n[code](https://example.org/z)\n```\n\nAnd `[inline](https://example.org/w)` and <a href="//example.org/v">v</a>. [Internal](/rocketry/nova/).';
		expect(externalLinks(page('rocketry/nova', body))).toEqual([
			{ line: 7, url: 'https://example.org/x' },
			{ line: 7, url: 'https://example.org/y' },
			{ line: 13, url: '//example.org/v' },
		]);
		expect(contentProblems(model([], { pages: [page('rocketry/nova', body)] }))[0]).toBe(
			'src/content/docs/rocketry/nova.mdx:7: an external link in the prose (https://example.org/x); sources enter a page only through <Cite id="…" /> (add the address to src/content/data/sources.yaml and cite it)',
		);
	});
});

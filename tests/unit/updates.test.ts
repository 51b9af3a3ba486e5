import { describe, expect, it } from 'vitest';
import { changeAnchor, collectUpdates, startOf, type UpdateEvent, type UpdatePage } from '../../src/lib/updates.ts';

const event = (id: string, date: string, over: Partial<UpdateEvent> = {}): UpdateEvent => ({
	id, date, title: `Event ${id}`, status: 'confirmed', afterArticle: true, pages: ['rivalry/trial'], ...over,
});
const pages: UpdatePage[] = [
	{ id: 'rivalry/trial', title: 'The trial', changes: [{ date: new Date('2026-11-30'), note: 'Added the verdict.' }, { date: new Date('2026-06-01'), note: 'New page.' }] },
	{ id: 'story', title: 'The story', changes: [] },
];

describe('collectUpdates', () => {
	it('lists events after the article and page changes, newest first; a day-dated item before its month', () => {
		const list = collectUpdates([event('old', '2025-01-01', { afterArticle: false }), event('month', '2026-05'), event('day', '2026-05-18')], pages);
		expect(list.map((u) => u.key)).toEqual(['page:rivalry/trial:change-2', 'page:rivalry/trial:change-1', 'event:day', 'event:month']);
		expect(list.map((u) => u.date)).toEqual(['2026-11-30', '2026-06-01', '2026-05-18', '2026-05']);
	});
	it('links an event to the first page that exists, or else to its timeline entry', () => {
		const [withPage, without] = collectUpdates([event('a', '2026-02', { pages: ['gone', 'story'] }), event('b', '2026-01', { pages: [] })], []);
		expect(withPage).toMatchObject({ path: '/timeline/#a', pageTitle: 'Timeline' });
		const linked = collectUpdates([event('a', '2026-02', { pages: ['gone', 'story'] })], pages).find((u) => u.kind === 'event');
		expect(linked).toMatchObject({ path: '/story/', pageTitle: 'The story', permalink: '/timeline/#a', status: 'confirmed' });
		expect(without).toMatchObject({ path: '/timeline/#b', permalink: '/timeline/#b' });
	});
	it('gives every update a distinct permalink, stable when a newer change is recorded', () => {
		const list = collectUpdates([event('a', '2026-02'), event('b', '2026-03')], pages);
		expect(new Set(list.map((u) => u.permalink)).size).toBe(list.length);
		const first = list.find((u) => u.text === 'New page.')!.permalink;
		const more: UpdatePage = { ...pages[0]!, changes: [{ date: new Date('2026-12-01'), note: 'Later.' }, ...pages[0]!.changes] };
		expect(collectUpdates([], [more]).find((u) => u.text === 'New page.')!.permalink).toBe(first);
		expect(first).toBe(`/rivalry/trial/#${changeAnchor(2, 1)}`);
	});
});

describe('startOf', () => {
	it('takes the first moment of a partial date', () => {
		expect(startOf('2026').toISOString()).toBe('2026-01-01T00:00:00.000Z');
		expect(startOf('2026-06').toISOString()).toBe('2026-06-01T00:00:00.000Z');
		expect(startOf('2026-06-12').toISOString()).toBe('2026-06-12T00:00:00.000Z');
	});
});

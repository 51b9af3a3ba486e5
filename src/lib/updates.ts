/**
 * What changed in the story and on the site, newest first: the timeline's events after the article and the
 * `changes` each page records in its frontmatter. The home page, /updates/ and the feed all read this list,
 * so the next update is an edit to the data or a page, never to these routes.
 */
import type { ClaimStatus } from './claims.ts';
import { docPath } from './url.ts';

/** A timeline event, as the updates need it. */
export interface UpdateEvent {
	id: string;
	/** YYYY, YYYY-MM or YYYY-MM-DD. */
	date: string;
	dateLabel?: string | undefined;
	title: string;
	status: ClaimStatus;
	afterArticle: boolean;
	/** Ids of the pages that discuss it; the first is where it is told in full. */
	pages: readonly string[];
}

/** A page and what it records as changed. */
export interface UpdatePage {
	id: string;
	title: string;
	changes: readonly { date: Date; note: string }[];
}

/** An open question, as the updates need it: once answered, it is an update of its own. */
export interface UpdateQuestion {
	id: string;
	question: string;
	/** The page that owns it. */
	page: string;
	state: 'open' | 'answered';
	/** For an answered question, the event that answered it. */
	answeredBy?: string | undefined;
}

export interface Update {
	/** Stable across builds, for the feed's guid and the list's keys. */
	key: string;
	/** A development in the story, a change to a page, or an open question that an event answered. */
	kind: 'event' | 'page' | 'answer';
	/** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the data. */
	date: string;
	dateLabel?: string | undefined;
	/** What happened (an event), what changed (a page's note), or what was answered (the answering event). */
	text: string;
	/** Only for an answer: the question it answered. */
	question?: string | undefined;
	/** For events and answers: how sure the statement is. */
	status?: ClaimStatus | undefined;
	/** The site path (without base) of the page to read, and its title. */
	path: string;
	/**
	 * A path unique to this update, for the feed (whose readers tell items apart by their link): the event's
	 * entry on the timeline, or the change's line at the foot of its page.
	 */
	permalink: string;
	pageTitle?: string | undefined;
}

/**
 * The id of a page's change line: counted from the oldest change, so it stays the same when newer
 * changes are added above it ("change-1" is the first change ever recorded).
 */
export function changeAnchor(count: number, index: number): string {
	return `change-${count - index}`;
}

/** Newest first; a day-dated item comes before one dated only by its month or year. Ties keep input order (see collectUpdates). */
function newestFirst(a: Update, b: Update): number {
	return a.date === b.date ? 0 : a.date < b.date ? 1 : -1;
}

/**
 * Events after the article, every page change and every answered open question, newest first. An event
 * links to the first page that discusses it, or to its entry on the timeline when no page does; an answer
 * is dated by the event that answered it and links to the page that owns the question.
 */
export function collectUpdates(events: readonly UpdateEvent[], pages: readonly UpdatePage[], questions: readonly UpdateQuestion[] = []): Update[] {
	const titleOf = new Map(pages.map((p) => [p.id, p.title]));
	// Events come oldest first, as the timeline lists them: reversed, two on the same day show the later one first.
	const fromEvents = [...events]
		.reverse()
		.filter((e) => e.afterArticle)
		.map((e): Update => {
			const home = e.pages.find((id) => titleOf.has(id));
			return {
				key: `event:${e.id}`,
				kind: 'event',
				date: e.date,
				dateLabel: e.dateLabel,
				text: e.title,
				status: e.status,
				path: home ? docPath(home) : `/timeline/#${e.id}`,
				permalink: `/timeline/#${e.id}`,
				pageTitle: home ? titleOf.get(home) : 'Timeline',
			};
		});
	const fromPages = pages.flatMap((p) =>
		p.changes.map((c, i): Update => ({
			key: `page:${p.id}:${changeAnchor(p.changes.length, i)}`,
			kind: 'page',
			date: c.date.toISOString().slice(0, 10),
			text: c.note,
			path: docPath(p.id),
			permalink: `${docPath(p.id)}#${changeAnchor(p.changes.length, i)}`,
			pageTitle: p.title,
		})),
	);
	const eventById = new Map(events.map((e) => [e.id, e]));
	const fromAnswers = questions.flatMap((q): Update[] => {
		const event = q.state === 'answered' && q.answeredBy ? eventById.get(q.answeredBy) : undefined;
		if (!event) return [];
		return [{
			key: `answer:${q.id}`,
			kind: 'answer',
			date: event.date,
			dateLabel: event.dateLabel,
			text: event.title,
			question: q.question,
			status: event.status,
			path: titleOf.has(q.page) ? docPath(q.page) : '/open-questions/',
			permalink: `/open-questions/#${q.id}`,
			pageTitle: titleOf.get(q.page) ?? 'Open questions',
		}];
	});
	return [...fromPages, ...fromAnswers, ...fromEvents].sort(newestFirst);
}

/** The first moment of a partial date, for feeds that need a full timestamp: "2026-06" → 1 June 2026. */
export function startOf(date: string): Date {
	const [y, m = '01', d = '01'] = date.split('-');
	return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/**
 * The atlas's data as documented JSON, for researchers and journalists: events, people and organisations,
 * sources, open questions and themes, each at /data/<name>.json with a JSON Schema at
 * /data/<name>.schema.json generated from the very zod schema the build checks the content with (zod 4's
 * `toJSONSchema`), so the two cannot drift. Ids, dates and statuses are as in the content; references between
 * files are ids.
 */
import { z } from 'astro/zod';

/** The data files, in the order /data/ lists them, with what each holds. */
export const OPEN_DATA = [
	{ name: 'events', title: 'Events', about: 'Every dated event on the timeline: when (as precisely as known), what happened in one sentence, how sure it is, its themes, its sources, and the pages that discuss it (the first tells it in full).' },
	{ name: 'entities', title: 'People and organisations', about: 'Each person, company, agency and organisation the atlas names, with a short neutral description and its sources; each has a page at /people/<id>/.' },
	{ name: 'sources', title: 'Sources', about: 'The bibliography: publisher, title, the address read and further addresses, the date, and what kind of copy was read (the publisher’s page, a mirror or a secondary summary).' },
	{ name: 'questions', title: 'Open questions', about: 'What the story is waiting for: each question, the page that owns it, whether it is open or answered (and by which event), its last known state with date, status and sources, and the expectations it replaced.' },
	{ name: 'themes', title: 'Themes', about: 'The atlas’s themes, with their summaries and order.' },
] as const;
export type OpenDataName = (typeof OPEN_DATA)[number]['name'];

/** A content entry as data: its id, then its fields, with references to other entries given as their ids. */
export function asData(entry: { id: string; data: Record<string, unknown> }): Record<string, unknown> {
	const plain = (value: unknown): unknown => {
		if (Array.isArray(value)) return value.map(plain);
		if (value instanceof Date) return value.toISOString().slice(0, 10);
		if (value && typeof value === 'object') {
			const keys = Object.keys(value);
			if (keys.length === 2 && keys.includes('id') && keys.includes('collection')) return (value as { id: string }).id;
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
		}
		return value;
	};
	return { id: entry.id, ...(plain(entry.data) as Record<string, unknown>) };
}

/**
 * The JSON Schema of a data file: an array of the collection's entries, each with its `id`, as the content's
 * own schema reads them (its input: references are ids, dates as written).
 */
export function jsonSchema(schema: z.ZodObject, meta: { id: string; title: string; description: string }): Record<string, unknown> {
	const entry = z.toJSONSchema(schema.extend({ id: z.string().min(1) }), { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
	delete entry.$schema;
	return { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: meta.id, title: meta.title, description: meta.description, type: 'array', items: entry };
}

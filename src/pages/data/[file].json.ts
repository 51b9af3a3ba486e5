/** /data/<name>.json and /data/<name>.schema.json (see src/lib/open-data.ts). */
import type { APIContext } from 'astro';
import { getCollection } from 'astro:content';
import { getEvents, getThemes } from '../../lib/site.ts';
import { dataSchemas } from '../../content.config.ts';
import { asData, jsonSchema, OPEN_DATA, type OpenDataName } from '../../lib/open-data.ts';
import { href } from '../../lib/url.ts';

export function getStaticPaths() {
	return OPEN_DATA.flatMap((d) => [{ params: { file: d.name }, props: { name: d.name, schema: false } }, { params: { file: `${d.name}.schema` }, props: { name: d.name, schema: true } }]);
}

export async function GET({ props, site }: APIContext) {
	const { name, schema } = props as { name: OpenDataName; schema: boolean };
	const about = OPEN_DATA.find((d) => d.name === name)!;
	if (schema) {
		const body = jsonSchema(dataSchemas[name], { id: new URL(href(`/data/${name}.schema.json`), site).href, title: `${about.title}: the Orbital Compute Atlas's ${name}.json`, description: about.about });
		return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
	}
	// In the order the site shows them: events by date, themes as navigation lists them.
	const list = name === 'events' ? await getEvents() : name === 'themes' ? await getThemes() : await getCollection(name);
	const entries = list.map((e) => asData(e as { id: string; data: Record<string, unknown> }));
	return new Response(`${JSON.stringify(entries, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}

import { describe, expect, it } from 'vitest';
import { citedIds, invert, mentionedEntities, referenceList, splitIds } from '../../src/lib/mentions';

const body = `Intro<Cite id="s7" />. More <Cite id="s1 s7" /> and <Entity id="stoke-space">Stoke</Entity>,
<Entity id='sam-altman' /> then <Cite id='s22b'/> and <Entity id="stoke-space" />.`;

describe('citations', () => {
	it('lists cited ids in order of first appearance, once each', () => {
		expect(citedIds(body)).toEqual(['s7', 's1', 's22b']);
	});
	it('splits on spaces and commas', () => {
		expect(splitIds(' s1  s2,s3 ')).toEqual(['s1', 's2', 's3']);
	});
	it('appends frontmatter sources not cited inline', () => {
		expect(referenceList(body, ['s1', 's40'])).toEqual(['s7', 's1', 's22b', 's40']);
	});
	it('finds nothing in a page without citations', () => {
		expect(citedIds('Plain text, <Claim status="reported">x</Claim>.')).toEqual([]);
	});
});

describe('entities and backlinks', () => {
	it('lists mentioned entities once each', () => {
		expect(mentionedEntities(body)).toEqual(['stoke-space', 'sam-altman']);
	});
	it('inverts pages to ids, keeping page order', () => {
		const pages = [{ n: 'a', ids: ['x', 'y'] }, { n: 'b', ids: ['y', 'y'] }];
		const map = invert(pages, (p) => p.ids);
		expect(map.get('y')!.map((p) => p.n)).toEqual(['a', 'b']);
		expect(map.get('x')!.map((p) => p.n)).toEqual(['a']);
	});
});

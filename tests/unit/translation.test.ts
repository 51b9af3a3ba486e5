/** The translation guard: figures and dates read as values in each language, and what a translation loses. */
import { describe, expect, it } from 'vitest';
import { factSignature, figures, signatureDifferences } from '../../src/lib/translation.ts';

describe('figures and dates, as values', () => {
	const cases: [string, string, string, string][] = [
		['$510 million on 8 October 2025', '510 millones de dólares el 8 de octubre de 2025', '2025年10月8日5.1亿美元', 'money and a full date'],
		['$25 billion and 22,800 kg', '25.000 millones de dólares y 22.800 kg', '250亿美元和22,800千克', 'billions and thousands'],
		['$1 trillion, 1.25 trillion', '1 billón de dólares, 1,25 billones', '1万亿美元，1.25万亿', 'trillions (billón in Spanish)'],
		['on 20–22 May 2026', 'del 20 al 22 de mayo de 2026', '2026年5月20日至22日', 'a range of days'],
		['from 27 April to 18 May 2026', 'del 27 de abril al 18 de mayo de 2026', '2026年4月27日至5月18日', 'a range across months'],
		['April–May 2026, 3 or 4 December', 'abril–mayo de 2026, 3 o 4 de diciembre', '2026年4月至5月，12月3日或4日', 'month ranges and pairs'],
		['about $20–25 billion', 'unos 20.000–25.000 millones', '约200亿至250亿美元', 'a range sharing its scale'],
		['by the mid-2030s, not GPT-5.6 or S-1', 'a mediados de la década de 2030, no GPT-5.6 ni S-1', '2030年代中期，不是GPT-5.6或S-1', 'decades count; names do not'],
		['| 30 Jan 2026 |', '| 30 de enero de 2026 |', '| 2026年1月30日 |', 'short month names in tables'],
	];
	for (const [en, es, zh, what] of cases)
		it(`agree across languages: ${what}`, () => {
			expect(figures(es, 'es'), es).toEqual(figures(en, 'en'));
			expect(figures(zh, 'zh-cn'), zh).toEqual(figures(en, 'en'));
		});

	it('does not read "may" the verb as a month', () => {
		expect(figures('prices may fall', 'en')).toEqual([]);
	});
});

describe('what a translation must keep', () => {
	const english = factSignature('## Cost\n\nNova costs $5 million<Cite id="s1" />. <Claim status="claim">It flies</Claim>. See [the story](/story/).\n', 'en');
	const keep = (body: string, lang = 'es') => signatureDifferences(english, factSignature(body, lang));

	it('accepts a faithful translation', () => {
		expect(keep('## Coste\n\nNova cuesta 5 millones de dólares<Cite id="s1" />. <Claim status="claim">Vuela</Claim>. Véase [la historia](/story/).\n')).toEqual([]);
	});
	it('names a lost citation, a changed figure, a changed status, a lost link and a lost section', () => {
		const problems = keep('Nova cuesta 6 millones de dólares. <Claim status="reported">Vuela</Claim>.\n');
		expect(problems.join('\n')).toMatch(/missing <Cite id>: "s1"/);
		expect(problems.join('\n')).toMatch(/missing figure or date: "5000000"/);
		expect(problems.join('\n')).toMatch(/figure or date not in the English page: "6000000"/);
		expect(problems.join('\n')).toMatch(/missing <Claim status>: "claim"/);
		expect(problems.join('\n')).toMatch(/missing internal link: "\/story\/"/);
		expect(problems.join('\n')).toMatch(/headings/);
	});
});

/** Dates written as YYYY, YYYY-MM or YYYY-MM-DD, shown in a language's long form without inventing precision. */

/** The source language's tag, for callers that format before a locale is known. */
export const SOURCE_LANG = 'en-GB';

/** The formatters, made once per language and precision: making one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, withDay: boolean): Intl.DateTimeFormat {
	const key = `${lang}|${withDay}`;
	let f = formatters.get(key);
	if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(lang, withDay ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' })));
	return f;
}

/** "2025-12-04" → "4 December 2025" (or "4 de diciembre de 2025" in es); "2025-12" → "December 2025"; "2025" → "2025". */
export function formatPartialDate(value: string, lang: string = SOURCE_LANG): string {
	const [y, m, d] = value.split('-');
	if (!m) return y!;
	return formatter(lang, d !== undefined).format(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d ?? 1))));
}

/** A full date for "Last updated": "25 November 2026". */
export function formatDate(date: Date, lang: string = SOURCE_LANG): string {
	return formatPartialDate(date.toISOString().slice(0, 10), lang);
}

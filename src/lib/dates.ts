/** Dates written as YYYY, YYYY-MM or YYYY-MM-DD, shown in a language's long form without inventing precision. */

/** The source language's tag, for callers that format before a locale is known. */
export const SOURCE_LANG = 'en-GB';

/** "2025-12-04" → "4 December 2025" (or "4 de diciembre de 2025" in es); "2025-12" → "December 2025"; "2025" → "2025". */
export function formatPartialDate(value: string, lang: string = SOURCE_LANG): string {
	const [y, m, d] = value.split('-');
	if (!m) return y!;
	const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d ?? 1)));
	const options: Intl.DateTimeFormatOptions = d ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
	return new Intl.DateTimeFormat(lang, options).format(date);
}

/** A full date for "Last updated": "25 November 2026". */
export function formatDate(date: Date, lang: string = SOURCE_LANG): string {
	return formatPartialDate(date.toISOString().slice(0, 10), lang);
}

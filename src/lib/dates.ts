/** Dates written as YYYY, YYYY-MM or YYYY-MM-DD, shown without inventing precision. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-12-04" → "4 December 2025"; "2025-12" → "December 2025"; "2025" → "2025". */
export function formatPartialDate(value: string): string {
	const [y, m, d] = value.split('-');
	if (!m) return y!;
	const month = MONTHS[Number(m) - 1];
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A full date for "Last updated": "25 November 2026". */
export function formatDate(date: Date): string {
	return formatPartialDate(date.toISOString().slice(0, 10));
}

/**
 * The interface strings the browser scripts need (search, copying, offline), handed to them in the page as
 * `<body data-ui>` so they speak the page's language without a request. Keys are those of
 * src/content/strings/<id>.yaml that start with "client.".
 */
import type { Locale } from './i18n.ts';

const cache = new Map<string, string>();
/** The "client." keys of a locale's strings, without the prefix, as the JSON the page carries (made once per language). */
export function clientStrings(locale: Locale): string {
	let json = cache.get(locale.id);
	if (json === undefined) cache.set(locale.id, (json = JSON.stringify(Object.fromEntries(CLIENT_KEYS.map((key) => [key, locale.t(`client.${key}`)])))));
	return json;
}

/** The keys the scripts read (src/scripts/ui.ts): each must exist as "client.<key>" in every strings file. */
export const CLIENT_KEYS = [
	'copied',
	'copyFailed',
	'pageCopied',
	'pageCopyFailed',
	'bestMatch',
	'moreResults',
	'inTheme',
	'noResults',
	'results',
	'result',
	'forQuery',
	'didYouMean',
	'or',
	'comma',
	'count',
	'countOne',
	'questionMark',
	'tryOther',
	'unavailable',
	'indexFailed',
	'offlineSize',
	'offlineSaveSize',
	'offlineSaving',
	'offlineUpdating',
	'offlineProgress',
	'offlineRemoved',
	'offlineStopped',
	'offlineSaved',
	'offlineNewVersion',
	'offlineSavingSize',
] as const;

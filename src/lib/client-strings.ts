/**
 * The interface strings the browser scripts need (search, copying, offline), handed to them in the page as
 * `<body data-ui>` so they speak the page's language without a request. Keys are those of
 * src/content/strings/<id>.yaml that start with "client.".
 */
import type { Locale } from './i18n.ts';

/** The "client." keys of a locale's strings, without the prefix. */
export function clientStrings(locale: Locale): Record<string, string> {
	return Object.fromEntries(CLIENT_KEYS.map((key) => [key, locale.t(`client.${key}`)]));
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

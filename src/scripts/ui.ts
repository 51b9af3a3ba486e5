/**
 * The page's interface strings for scripts, in the page's language: the JSON the layout puts in
 * `<body data-ui>` (src/lib/client-strings.ts), with `{name}` placeholders filled in.
 */
let strings: Record<string, string> | undefined;

export function ui(key: string, values: Record<string, string | number> = {}): string {
	strings ??= JSON.parse(document.body.dataset.ui ?? '{}') as Record<string, string>;
	return (strings[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** The page's language, for Intl formatting in scripts. */
export const pageLang = (): string => document.documentElement.lang || 'en';

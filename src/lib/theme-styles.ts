/**
 * The stylesheet the themes need, made from their data, so adding a theme to themes.yaml is all it takes:
 * a colour token per theme (`--oca-theme-<id>`, a light and a dark shade) and the timeline's filter, which
 * hides the other themes' events with plain CSS when a theme's radio button is checked, without JavaScript
 * and without inline styles (the CSP allows none).
 */

export interface ThemeStyle {
	id: string;
	color: { light: string; dark: string };
}

/** The custom property that holds a theme's colour. */
export const themeColorVar = (id: string) => `--oca-theme-${id}`;

/** Quotes a value for a CSS attribute selector. */
const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function themeStylesheet(themes: readonly ThemeStyle[]): string {
	const tokens = themes.map((t) => `\t${themeColorVar(t.id)}: light-dark(${t.color.light}, ${t.color.dark});`).join('\n');
	const filters = themes
		.map((t) => {
			const on = `.timeline:has(input[value=${quoted(t.id)}]:checked)`;
			const of = `[data-themes~=${quoted(t.id)}]`;
			return `${on} .event:not(${of}),\n${on} .year:not(:has(${of})) { display: none; }`;
		})
		.join('\n');
	// Not in a cascade layer: this file may load before the site's stylesheet, and a layer named here first
	// would reorder the site's layers.
	return `/* Made from src/content/data/themes.yaml by src/lib/theme-styles.ts. */\n:root {\n${tokens}\n}\n${filters}\n`;
}

/** The themes' colours and the timeline's no-JavaScript filter, made from themes.yaml (see lib/theme-styles.ts). */
import { getThemes } from '../lib/site.ts';
import { themeStylesheet } from '../lib/theme-styles.ts';

export async function GET() {
	const themes = await getThemes();
	return new Response(themeStylesheet(themes.map((t) => ({ id: t.id, color: t.data.color }))), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
}

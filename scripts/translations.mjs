// The translators' tool, without a full build.
//   npm run translations               every page × language: current, outdated or missing, and every problem
//   npm run translations -- check es/rocketry/nova
//                                      one translation against its English page (facts it lost or added)
//   npm run translations -- version rocketry/nova
//                                      the English page's version, to write as `translates:` in a translation
// Exits 1 when a translation does not keep its English page's facts, or a language lacks a string.
import { fileURLToPath } from 'node:url';
import { readContent } from '../src/lib/content-model.ts';
import { isCurrentTranslation, translationFileProblems, translationProblems, translationStatus, targetLanguages } from '../src/lib/translation.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const model = readContent(root);
const [command, arg] = process.argv.slice(2);
const english = new Map(model.pages.map((p) => [p.id, p]));

if (command === 'version') {
	const page = english.get(arg ?? '');
	if (!page) {
		console.error(`No English page "${arg ?? ''}". Pages: ${[...english.keys()].join(', ')}`);
		process.exit(2);
	}
	console.log(page.version);
} else if (command === 'check') {
	const t = model.translations.find((x) => `${x.lang}/${x.id}` === arg);
	if (!t) {
		console.error(`No translation "${arg ?? ''}": write it at src/content/translations/${arg ?? '<lang>/<page id>'}.mdx`);
		process.exit(2);
	}
	const problems = translationFileProblems(t, english.get(t.id), targetLanguages(model), true);
	const page = english.get(t.id);
	if (page && !isCurrentTranslation(t.fields.translates, page)) console.log(`note: translates ${String(t.fields.translates ?? '(nothing)')}, the English page is now ${page.version}`);
	console.log(problems.length ? problems.map((p) => `FAIL ${p}`).join('\n') : `ok   ${t.file} keeps every fact of ${page?.file}`);
	process.exit(problems.length ? 1 : 0);
} else {
	const status = translationStatus(model);
	const width = Math.max(...status.map((s) => s.page.length));
	for (const lang of targetLanguages(model)) {
		const mine = status.filter((s) => s.lang === lang);
		const count = (state) => mine.filter((s) => s.state === state).length;
		console.log(`\n${lang}: ${count('current')} current, ${count('outdated')} outdated, ${count('missing')} missing`);
		for (const s of mine) console.log(`  ${s.page.padEnd(width)}  ${s.state.padEnd(8)}  English version ${s.version}${s.translates && s.state === 'outdated' ? `, translation follows ${s.translates}` : ''}`);
	}
	const problems = translationProblems(root, model);
	for (const p of problems) console.log(`FAIL ${p}`);
	process.exit(problems.length ? 1 : 0);
}

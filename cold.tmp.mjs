import { launch } from './scripts/lib/measure.mjs';
import { serveStatic } from './scripts/lib/static-server.ts';
const server = await serveStatic(process.argv[2] + '/dist');
const browser = await launch();
for (let r = 0; r < 3; r++) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto(`${server.url}/rocketry/bench-0000${r*3}/`, { waitUntil: 'load' });
  await page.keyboard.press('/');
  const out = await page.evaluate(async (query) => {
    const input = document.querySelector('dialog [data-input]'); const results = document.querySelector('dialog [data-results]');
    const start = performance.now();
    const done = new Promise((resolve) => { const obs = new MutationObserver(() => { if (results.querySelector('.result')) { obs.disconnect(); resolve(performance.now() - start); } }); obs.observe(results, { childList: true, subtree: true }); });
    input.value = query; input.dispatchEvent(new Event('input', { bubbles: true }));
    const ms = await done;
    const res = performance.getEntriesByType('resource').filter(e => e.responseEnd > start - 100).map(e => `${(e.startTime - start).toFixed(0).padStart(5)} → ${(e.responseEnd - start).toFixed(0).padStart(5)}  ${e.name.replace(location.origin, '')}`);
    return { ms, res };
  }, ['radiator', 'payload', 'thrust'][r]);
  console.log(`run ${r}: ${out.ms.toFixed(0)} ms`); console.log(out.res.join('\n'));
  await ctx.close();
}
await browser.close(); await server.close();

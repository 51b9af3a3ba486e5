import { launch } from './scripts/lib/measure.mjs';
import { serveStatic } from './scripts/lib/static-server.ts';
const server = await serveStatic(process.argv[2] + '/dist');
const browser = await launch();
for (let r = 0; r < 4; r++) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  await page.goto(`${server.url}/rocketry/bench-0000${r*3}/`, { waitUntil: 'load' });
  const t0 = Date.now(); const log = [];
  ctx.on('request', (q) => log.push([Date.now() - t0, 'req ', q.url().replace(server.url, '')]));
  ctx.on('requestfinished', (q) => log.push([Date.now() - t0, 'done', q.url().replace(server.url, '')]));
  page.on('console', (m) => log.push([Date.now() - t0, 'log', m.text()]));
  await page.keyboard.press('/');
  const ms = await page.evaluate(async (query) => {
    const input = document.querySelector('dialog [data-input]'); const results = document.querySelector('dialog [data-results]');
    const start = performance.now();
    const done = new Promise((resolve) => { const obs = new MutationObserver(() => { if (results.querySelector('.result')) { obs.disconnect(); resolve(performance.now() - start); } }); obs.observe(results, { childList: true, subtree: true }); });
    input.value = query; input.dispatchEvent(new Event('input', { bubbles: true }));
    return done;
  }, ['radiator', 'payload', 'thrust', 'fairing'][r]);
  log.push([Date.now() - t0, 'RESULT', `${ms.toFixed(0)} ms`]);
  await new Promise(r => setTimeout(r, 300));
  console.log(`run ${r}`); console.log(log.map(([t, k, u]) => `${String(t).padStart(5)} ${k} ${u}`).join('\n'));
  await ctx.close();
}
await browser.close(); await server.close();

import * as pagefind from 'pagefind';
const t0 = performance.now();
const { index } = await pagefind.createIndex({ forceLanguage: 'en', ...(process.argv[4] ? JSON.parse(process.argv[4]) : {}) });
const a = await index.addDirectory({ path: process.argv[2] });
const t1 = performance.now(); console.log('add', a.page_count, (t1 - t0).toFixed(0));
const f = await index.writeFiles({ outputPath: process.argv[3] });
const t2 = performance.now(); console.log('write', (t2 - t1).toFixed(0));
await pagefind.close();

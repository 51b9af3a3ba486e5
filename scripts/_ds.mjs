import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage();
const errs = []; p.on('console', m => { if (m.type()==='error') errs.push(m.text()); });
await p.goto('http://localhost:4399/search/?q=zyxquark');
await p.waitForTimeout(3000);
console.log(await p.locator('main .result > a').allTextContents(), errs);
await b.close();

import { serveDist, launch } from './support.mjs';
const file = process.argv[2];
const server = await serveDist();
const browser = await launch();
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', String(e)));
await page.goto(server.url);
await page.waitForSelector('input[type=file]');
const t0 = Date.now();
await page.setInputFiles('input[type=file]', file);
try { await page.waitForSelector('tr[data-status]', { timeout: 120000 }); } catch (e) { console.log('timeout'); }
console.log(Date.now() - t0);
await page.screenshot({ path: '/tmp/qb/shot.png' });
console.log((await page.textContent('body')).slice(0, 600));
await browser.close();
await server.close();

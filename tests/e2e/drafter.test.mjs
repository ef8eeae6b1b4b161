// Building a plan from its own text in the page (issue 26), as an official would: paste the
// county plan's text, review the draft, edit a target, use it on a submission, download the plan
// file and load it again, reopen it in the dialog; and every kind of bad input gets a clear
// message while the text typed stays and the page keeps working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { deflateRawSync, crc32 } from 'node:zlib';
import { servedApp, openApp, pick, statuses, screenshot } from './support.mjs';
import { COUNTY_PLAN_TEXT, COUNTY_PLAN_TITLE, COUNTY_SUBMISSION, COUNTY_2023_EDITED } from './county-plan.mjs';

const app = servedApp();

/** Opens the dialog from the plan panel (the app's: the landing page loads it on first use). */
async function openDrafter(page) {
  if (!(await page.$('#build-plan'))) await page.click('#load-plan');
  await page.click('#build-plan');
  await page.waitForSelector('#drafter[role=dialog] #drafter-text');
}

/** Sets the textarea as a paste does (one input event), which `fill` is too slow for at 10 MB. */
function paste(page, text) {
  return page.evaluate((value) => {
    const area = document.querySelector('#drafter-text');
    area.value = value;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/** The review table's rows: name → { op, value, unit, base }. */
function reviewRows(page) {
  return page.$$eval('#drafter-table tbody tr', (rows) =>
    Object.fromEntries(rows.map((row) => {
      const field = (name) => row.querySelector(`[data-field="${name}"]`).value;
      return [field('name'), { op: field('op'), value: field('value'), unit: field('unit'), base: field('base') }];
    })),
  );
}

/** A row of the review table by its indicator's name. */
function rowNamed(page, name) {
  return page.locator('#drafter-table tbody tr', { has: page.locator(`[data-field=name][value="${name}"]`) });
}

/** Little-endian fields, each [bytes, value], as a zip's headers are written. */
function littleEndian(fields) {
  return Buffer.concat(fields.map(([bytes, value]) => {
    const field = Buffer.alloc(bytes);
    if (bytes === 2) field.writeUInt16LE(value);
    else field.writeUInt32LE(value);
    return field;
  }));
}

/** A .docx whose word/document.xml inflates to more than the zip guard allows (200 MiB): a
 * zip bomb, deflated here from spaces (a few hundred kB), its sizes declared honestly. */
function docxBomb() {
  const name = Buffer.from('word/document.xml');
  const inflated = Buffer.alloc(210 * 1024 * 1024, 0x20);
  const data = deflateRawSync(inflated, { level: 9 });
  // version needed, flags, method (deflate), time, date, CRC-32, sizes, name's length, extra's.
  const entry = [[2, 20], [2, 0], [2, 8], [2, 0], [2, 0], [4, crc32(inflated)], [4, data.length],
    [4, inflated.length], [2, name.length], [2, 0]];
  const local = littleEndian([[4, 0x04034b50], ...entry]);
  // made by, the entry, comment's length, disk, attributes, the local header's offset (0).
  const central = littleEndian([[4, 0x02014b50], [2, 20], ...entry, [2, 0], [2, 0], [2, 0], [4, 0], [4, 0]]);
  const end = littleEndian([[4, 0x06054b50], [2, 0], [2, 0], [2, 1], [2, 1],
    [4, central.length + name.length], [4, local.length + name.length + data.length], [2, 0]]);
  return Buffer.concat([local, name, data, central, name, end]);
}

test('paste a county plan, edit a target, use it on a submission, download it and load it again', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await openDrafter(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'drafter-text', 'focus moves into the dialog');
  await paste(page, COUNTY_PLAN_TEXT);
  await page.click('#drafter-generate');
  await page.waitForSelector('#drafter-table');

  // The draft, as the core drafted it: the 分别 sentence is two targets, the table row keeps its base.
  const rows = await reviewRows(page);
  assert.deepEqual(rows, {
    婴儿死亡率: { op: '<=', value: '4.5', unit: '‰', base: '' },
    '5岁以下儿童死亡率': { op: '<=', value: '6', unit: '‰', base: '' },
    中小学生体质健康达标率: { op: '>=', value: '92', unit: '%', base: '' },
    学前教育毛入园率: { op: '>=', value: '97', unit: '%', base: '' },
    普惠性幼儿园覆盖率: { op: '>=', value: '90', unit: '%', base: '85' },
  });
  // Each quote with its figures marked; the sentence left out listed with its reason.
  assert.deepEqual(await rowNamed(page, '婴儿死亡率').locator('mark').allTextContents(), ['4.5']);
  assert.deepEqual(await rowNamed(page, '普惠性幼儿园覆盖率').locator('mark').allTextContents(), ['85', '90']);
  assert.match(await page.textContent('#drafter-excluded'), /2020年全县义务教育巩固率为99\.2%/);
  assert.equal(await page.inputValue('#drafter-plan-title'), COUNTY_PLAN_TITLE);
  assert.equal(await page.inputValue('#drafter-region'), '', 'the region is asked, not guessed');

  // Using it needs the plan's own region.
  await page.click('#drafter-use');
  assert.match(await page.textContent('#drafter-error'), /请填写规划所属地区/);
  await page.fill('#drafter-region', '青溪县');
  // The reviewer lowers one figure, adds a spelling, deletes nothing yet.
  await rowNamed(page, '学前教育毛入园率').locator('[data-field=value]').fill('94');
  await rowNamed(page, '学前教育毛入园率').locator('[data-field=aliases]').fill('学前三年毛入园率');
  await screenshot(page, 'drafter-review');
  await page.click('#drafter-use');
  await page.waitForSelector('#drafter', { state: 'detached' });
  await page.waitForFunction((title) => document.querySelector('.plan').textContent.includes(title), COUNTY_PLAN_TITLE);
  assert.match(await page.textContent('.plan'), /5 项目标/);
  assert.equal(await page.isChecked('#remember-plan'), false, 'kept on this computer only if asked, as a picked plan');

  await pick(page, COUNTY_SUBMISSION);
  await page.waitForSelector('tr[data-status]');
  assert.deepEqual(await statuses(page), COUNTY_2023_EDITED, 'the statuses follow the edited target (≥94, not ≥97)');

  // Downloaded, the plan file says what the table said, and nothing that says nothing.
  await openDrafter(page);
  assert.equal(await page.inputValue('#drafter-text'), COUNTY_PLAN_TEXT, 'the text is kept');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#drafter-download')]);
  assert.equal(download.suggestedFilename(), `${COUNTY_PLAN_TITLE}.json`);
  const saved = await readFile(await download.path(), 'utf8');
  const plan = JSON.parse(saved);
  assert.deepEqual(plan.regions, [{ name: '青溪县', whole: true }]);
  const preschool = plan.indicators.find((i) => i.name === '学前教育毛入园率');
  assert.equal(preschool.target.value, 94);
  assert.deepEqual(preschool.aliases, ['学前三年毛入园率']);
  assert.equal(preschool.source.quote, '学前教育毛入园率保持在97%以上', 'the quote stays verbatim');
  assert.deepEqual(plan.excluded.map((e) => e.quote), ['2020年全县义务教育巩固率为99.2%']);
  assert.equal(plan.sample, undefined);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#drafter', { state: 'detached' });

  // A colleague loads the file with the plan picker: the same results.
  const colleague = await openApp(app.browser, app.server.url);
  await colleague.page.click('#load-plan');
  await colleague.page.setInputFiles('.plan-picker input[type=file]', { name: `${COUNTY_PLAN_TITLE}.json`, mimeType: 'application/json', buffer: Buffer.from(saved) });
  await colleague.page.waitForFunction((title) => document.querySelector('.plan').textContent.includes(title), COUNTY_PLAN_TITLE);
  await pick(colleague.page, COUNTY_SUBMISSION);
  await colleague.page.waitForSelector('tr[data-status]');
  assert.deepEqual(await statuses(colleague.page), COUNTY_2023_EDITED);

  // …and reopens it in the dialog to edit it: no drafting, the table as saved.
  await openDrafter(colleague.page);
  await colleague.page.setInputFiles('#drafter-file', { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await colleague.page.waitForSelector('#drafter-table');
  const reopened = await reviewRows(colleague.page);
  assert.equal(reopened['学前教育毛入园率'].value, '94');
  assert.equal(await colleague.page.inputValue('#drafter-region'), '青溪县');
  // A left-out sentence made a target, a row deleted: the table follows.
  await colleague.page.click('#drafter-excluded [data-action=promote]');
  await colleague.page.waitForSelector('#drafter-table tbody tr:nth-child(6)');
  const promoted = await colleague.page.$eval('#drafter-table tbody tr:last-child', (row) => ({
    id: row.dataset.id,
    op: row.querySelector('[data-field=op]').value,
    quote: row.querySelector('.drafter-quote').textContent,
  }));
  assert.equal(promoted.op, 'qualitative');
  assert.match(promoted.id, /^i-[0-9a-f]{8}$/);
  assert.match(promoted.quote, /^2020年全县义务教育巩固率为99\.2%/);
  assert.equal(await colleague.page.$('#drafter-excluded'), null, 'no sentence left out any more');
  await rowNamed(colleague.page, '5岁以下儿童死亡率').locator('[data-action=delete]').click();
  assert.equal(Object.keys(await reviewRows(colleague.page)).length, 5);
  await colleague.page.click('#drafter-use');
  await colleague.page.waitForSelector('#drafter', { state: 'detached' });
  await colleague.page.waitForFunction(() => /5 项目标/.test(document.querySelector('.plan').textContent));
  assert.deepEqual(colleague.errors, []);
  await colleague.page.close();

  assert.deepEqual(errors, []);
  await page.close();
});

test('bad input: a clear message in the dialog, the text kept, the page still checks a file', async () => {
  const { page, errors } = await openApp(app.browser, app.server.url);
  await openDrafter(page);
  const message = async () => {
    await page.waitForFunction(() => document.querySelector('#drafter-error').textContent !== '');
    return page.textContent('#drafter-error');
  };
  const clear = () => page.evaluate(() => { document.querySelector('#drafter-error').textContent = ''; });

  await page.click('#drafter-generate');
  assert.match(await message(), /粘贴的文本\.txt”是空的：请粘贴或选择规划全文/);
  assert.equal(await page.$eval('#drafter-error', (e) => e.getAttribute('role')), 'alert');

  // 10 MB pasted: the writer refuses it by its size; the page answers and the text stays.
  const huge = '规划'.repeat(1_750_000);
  await paste(page, huge);
  await clear();
  await page.click('#drafter-generate');
  assert.match(await message(), /超过起草上限 5242880 字节/);
  assert.equal(await page.$eval('#drafter-text', (a) => a.value.length), huge.length, 'the pasted text is kept');

  await paste(page, '我输入的文字');
  const files = [
    [{ name: '规划.txt', mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) }, /不是文本、Word（\.docx）或网页文件|文字编码无法识别/],
    [{ name: '规划.doc', mimeType: 'application/msword', buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]) }, /旧版 Word 文档（\.doc）.*另存为” \.docx/],
    [{ name: '规划.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n') }, /是 PDF 文档/],
    [{ name: '规划.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docxBomb() }, /“规划\.docx”无法作为 Word 文档读取/],
    [{ name: '规划.json', mimeType: 'application/json', buffer: Buffer.from('{"title": ') }, /不是可读的规划文件（JSON）/],
  ];
  for (const [file, expected] of files) {
    await clear();
    await page.setInputFiles('#drafter-file', file);
    assert.match(await message(), expected, file.name);
    assert.equal(await page.inputValue('#drafter-text'), '我输入的文字', `the text is kept after ${file.name}`);
  }
  assert.equal(await page.$('#drafter-table'), null, 'no draft from bad input');

  // The dialog closes with Escape, focus back on its button; the page checks a file as before.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#drafter', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'build-plan');
  await pick(page, 'long-kecheng-2023.xlsx');
  await page.waitForSelector('tr[data-status]');
  assert.equal(Object.keys(await statuses(page)).length, 12);
  await openDrafter(page);
  assert.equal(await page.inputValue('#drafter-text'), '我输入的文字', 'kept across closing the dialog');
  assert.deepEqual(errors, []);
  await page.close();
});

test('in English, every word of the dialog is English', async () => {
  const { page, errors } = await openApp(app.browser, `${app.server.url}?lang=en`);
  await openDrafter(page);
  const text = await page.textContent('#drafter');
  assert.match(text, /Build a plan from its text/);
  assert.doesNotMatch(text, /[\u4e00-\u9fff]/, text);
  await page.click('#drafter-generate');
  await page.waitForFunction(() => document.querySelector('#drafter-error').textContent !== '');
  assert.match(await page.textContent('#drafter-error'), /"pasted text\.txt" is empty/);
  assert.deepEqual(errors, []);
  await page.close();
});

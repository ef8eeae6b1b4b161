// The dialog that builds a plan from its own text (issue 26): paste the plan's text or pick its
// file, review the draft as a table, and use the plan at once or download it as a plan file.
// Loaded only when the user opens it (src/web/ui/drafter.rs adds this script then), so a first
// check never downloads it; the one-file offline copy (build/single-file.mjs) inlines it.
//
// The page hands `open` a spec: {lang, draft(bytes, name), use(name, json)}. `draft` posts the
// bytes to the page's writer, which runs the core's drafter off the page's thread and answers
// through `plan_drafted` or `draft_failed`; `use` loads a plan file through the plan picker's own
// path (the writer validates it), answered through `plan_read` or `plan_failed`. Every word of the
// dialog is here, in both languages, so the page's wasm carries none. Nothing is stored and
// nothing is sent anywhere: the bytes go to the page's own worker.
//
// Written for Chromium 86 (tests/e2e/kernels.test.mjs): ES2019, no `?.`, `??` or replaceAll.
(function () {
  'use strict';

  var WORDS = {
    zh: {
      title: '从规划文本生成规划文件',
      hint: '粘贴规划全文，或选择规划的 Word 文件（.docx）、网页（.html）或文本（.txt）；也可以选择从本页下载的规划文件（.json）继续修改。全部在本浏览器中完成，不上传任何内容。',
      text: '规划全文',
      file: '或选择文件',
      generate: '生成草稿',
      working: '正在生成草稿……',
      pasted: '粘贴的文本.txt',
      close: '关闭',
      review: '核对草稿',
      review_hint: '草稿由程序从原文读出，未经人工核对：请逐条对照引文核对名称、比较方式、目标值、单位、年份和基期值，可修改、删除，或把未收录的句子作为目标。',
      plan_title: '规划名称',
      region: '规划所属地区（如某县；必填，程序不猜测）',
      subregions: '下辖地区（可选，用逗号或顿号分隔）',
      period_start: '规划期起',
      period_end: '规划期止',
      quote: '原文',
      name: '指标名称',
      aliases: '其他写法（用逗号或顿号分隔）',
      op: '比较方式',
      value: '目标值',
      upper: '区间上限',
      unit: '单位',
      year: '目标年份',
      base: '基期值',
      base_year: '基期年份',
      remove: '删除',
      remove_row: '删除此指标：',
      targets: '项目标',
      none: '草稿中没有目标：可把下列未收录的句子作为目标，或检查粘贴的是否是规划全文。',
      questions: '需要核对的问题',
      excluded: '未收录的句子',
      excluded_hint: '这些句子含有数字，但程序没有把它们读成目标。确属目标的，可点“作为目标”加入上表（比较方式为定性，请再修改）。',
      promote: '作为目标',
      use: '使用此规划',
      download: '下载规划文件',
      using: '正在载入此规划……',
      no_region: '请填写规划所属地区：填报表中的地区按它识别。',
      no_rows: '没有目标可用：请至少保留或添加一项目标。',
      bad_json: '不是可读的规划文件（JSON）：',
      not_plan: '此 JSON 文件不是规划文件（没有 indicators）。',
      read_failed: '文件无法读取：',
      ops: {
        '>=': '≥ 不低于（以上）',
        '>': '> 高于',
        '<=': '≤ 不高于（以下、以内）',
        '<': '< 低于',
        '=': '= 等于',
        about: '左右（±10%）',
        range: '区间',
        increase_yearly: '逐年增加',
        decrease_pp_yearly: '每年降低（百分点）',
        qualitative: '定性',
      },
      row_of: function (n, name) { return '第 ' + n + ' 项：' + name; },
    },
    en: {
      title: 'Build a plan from its text',
      hint: "Paste the plan's full text, or pick its Word file (.docx), web page (.html) or text (.txt); or pick a plan file (.json) downloaded from this page to edit it again. All of it happens in this browser; nothing is uploaded.",
      text: "The plan's full text",
      file: 'or pick a file',
      generate: 'Draft the plan',
      working: 'Drafting…',
      pasted: 'pasted text.txt',
      close: 'Close',
      review: 'Review the draft',
      review_hint: 'The draft was read from the text by a program and no person has checked it: compare each name, comparator, figure, unit, year and base with its quote; edit or delete rows, or make a left-out sentence a target.',
      plan_title: "Plan's title",
      region: "The plan's own region (a county, say; required: the program never guesses it)",
      subregions: 'Regions within it (optional, separated by commas)',
      period_start: 'Period from',
      period_end: 'Period to',
      quote: 'Quote',
      name: 'Indicator',
      aliases: 'Other spellings (separated by commas)',
      op: 'Comparator',
      value: 'Figure',
      upper: 'Upper bound (range)',
      unit: 'Unit',
      year: 'Target year',
      base: 'Base value',
      base_year: 'Base year',
      remove: 'Delete',
      remove_row: 'Delete this indicator: ',
      targets: 'targets',
      none: 'The draft holds no targets: make a left-out sentence below a target, or check that the whole plan was pasted.',
      questions: 'Questions to settle',
      excluded: 'Sentences left out',
      excluded_hint: 'These sentences hold figures that were not read as targets. Make one a target if it is one (as a qualitative target: edit it then).',
      promote: 'Make it a target',
      use: 'Use this plan',
      download: 'Download the plan file',
      using: 'Loading this plan…',
      no_region: "Fill in the plan's own region: the submission's regions are read by it.",
      no_rows: 'No target to use: keep or add at least one.',
      bad_json: 'Not a readable plan file (JSON): ',
      not_plan: 'This JSON file is not a plan file (it has no indicators).',
      read_failed: 'The file could not be read: ',
      ops: {
        '>=': '≥ at least',
        '>': '> above',
        '<=': '≤ at most',
        '<': '< below',
        '=': '= equal to',
        about: 'about (±10%)',
        range: 'range',
        increase_yearly: 'increase every year',
        decrease_pp_yearly: 'decrease by points a year',
        qualitative: 'qualitative',
      },
      row_of: function (n, name) { return 'Target ' + n + ': ' + name; },
    },
  };
  // The plan format's comparators (docs/plan-format.md), in the order the select lists them.
  var OPS = ['>=', '>', '<=', '<', '=', 'about', 'range', 'increase_yearly', 'decrease_pp_yearly', 'qualitative'];
  // Comparators that are their own kind, and those without a figure (the plan format's rule 7, 8).
  var OWN_KIND = ['increase_yearly', 'decrease_pp_yearly', 'qualitative'];
  var NO_FIGURE = ['increase_yearly', 'qualitative'];
  // Fields a plan file may leave out when they say nothing (as the core's Plan::to_json).
  var OPTIONAL = ['sample', 'midterm_year', 'aliases', 'whole', 'quote', 'upper', 'base_year', 'checks'];

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    var names = Object.keys(attributes || {});
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      var value = attributes[name];
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  }

  // What survives closing the dialog: the text typed or pasted (never lost), and the draft under
  // review, so that reopening the dialog carries on where the user was.
  var kept = { text: '', plan: null, questions: [] };
  var open = null;

  function words() {
    return WORDS[open && open.spec.lang === 'en' ? 'en' : 'zh'];
  }

  function close() {
    if (!open) return;
    keepEdits();
    open.dialog.remove();
    document.removeEventListener('keydown', open.onKey, true);
    // The button that opened it may have gone (the panel redrawn): the panel’s own then.
    var shown = function (node) {
      return node && node !== document.body && node.isConnected && node.getClientRects().length > 0;
    };
    var returnTo = shown(open.returnTo) ? open.returnTo
      : Array.prototype.filter.call(document.querySelectorAll('#build-plan'), shown)[0];
    if (returnTo) returnTo.focus();
    open = null;
  }

  // A short, stable id from a text (FNV-1a, 32 bits): the same quote made a target again gets the
  // same id, so a saved choice about it still applies.
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ('0000000' + h.toString(16)).slice(-8);
  }

  function say(message, isError) {
    if (!open) return;
    open.error.textContent = isError ? message : '';
    open.status.textContent = isError ? '' : message;
  }

  function busy(on) {
    if (!open) return;
    open.generate.disabled = on;
  }

  // The quote, each figure of the target and its base marked: the reviewer sees where it stands.
  function markedQuote(indicator) {
    var quote = (indicator.source && indicator.source.quote) || '';
    var target = indicator.target || {};
    var figures = [target.value, target.upper, indicator.baseline && indicator.baseline.value].filter(function (v) {
      return typeof v === 'number';
    });
    var cell = element('td', { class: 'drafter-quote' });
    var pattern = /\d+(?:\.\d+)?/g;
    var at = 0;
    var match;
    while ((match = pattern.exec(quote))) {
      if (figures.indexOf(Number(match[0])) < 0) continue;
      cell.append(quote.slice(at, match.index), element('mark', { text: match[0] }));
      at = match.index + match[0].length;
    }
    cell.append(quote.slice(at));
    if (indicator.source && indicator.source.section) {
      cell.append(element('br'), element('small', { text: indicator.source.section }));
    }
    return cell;
  }

  function numberText(value) {
    return typeof value === 'number' ? String(value) : '';
  }

  function input(id, label, value, attributes) {
    var field = element('input', Object.assign({ id: id, 'aria-label': label, value: value }, attributes || {}));
    return field;
  }

  // One indicator's row: its quote and every field a reviewer may change, each labelled.
  function indicatorRow(indicator, n) {
    var t = words();
    var target = indicator.target || {};
    var baseline = indicator.baseline || {};
    var id = 'drafter-' + n;
    var label = function (what) { return t.row_of(n + 1, indicator.name) + ' · ' + what; };
    var op = element(
      'select',
      { id: id + '-op', 'aria-label': label(t.op), 'data-field': 'op' },
      OPS.map(function (code) {
        return element('option', { value: code, text: t.ops[code], selected: code === target.op });
      }),
    );
    var remove = element('button', {
      type: 'button',
      class: 'link-button',
      'data-action': 'delete',
      'aria-label': t.remove_row + indicator.name,
      text: t.remove,
    });
    var cells = [
      markedQuote(indicator),
      element('td', {}, [input(id + '-name', label(t.name), indicator.name, { 'data-field': 'name', size: 14 })]),
      element('td', {}, [input(id + '-aliases', label(t.aliases), (indicator.aliases || []).join('、'), { 'data-field': 'aliases', size: 10 })]),
      element('td', {}, [op]),
      element('td', {}, [input(id + '-value', label(t.value), numberText(target.value), { 'data-field': 'value', inputmode: 'decimal', size: 5 })]),
      element('td', {}, [input(id + '-upper', label(t.upper), numberText(target.upper), { 'data-field': 'upper', inputmode: 'decimal', size: 4 })]),
      element('td', {}, [input(id + '-unit', label(t.unit), indicator.unit || '', { 'data-field': 'unit', size: 4 })]),
      element('td', {}, [input(id + '-year', label(t.year), numberText(target.year), { 'data-field': 'year', inputmode: 'numeric', size: 4 })]),
      element('td', {}, [input(id + '-base', label(t.base), numberText(baseline.value), { 'data-field': 'base', inputmode: 'decimal', size: 5 })]),
      element('td', {}, [input(id + '-base-year', label(t.base_year), numberText(baseline.year), { 'data-field': 'base_year', inputmode: 'numeric', size: 4 })]),
      element('td', {}, [remove]),
    ];
    var row = element('tr', { 'data-id': indicator.id }, cells);
    remove.addEventListener('click', function () {
      keepEdits();
      kept.plan.indicators = kept.plan.indicators.filter(function (i) { return i.id !== indicator.id; });
      showReview();
      var next = open && open.review.querySelector('[data-action="delete"]');
      if (next) next.focus();
    });
    return row;
  }

  function number(text) {
    var trimmed = String(text).trim().replace(/，/g, '.');
    if (trimmed === '') return null;
    var value = Number(trimmed);
    return isFinite(value) ? value : null;
  }

  // The table's fields back into the plan under review.
  function keepEdits() {
    if (!open || !kept.plan || !open.review.isConnected) return;
    var form = open.review;
    var field = function (id) { return form.querySelector('#' + id); };
    if (field('drafter-plan-title')) {
      kept.plan.title = field('drafter-plan-title').value.trim() || kept.plan.title;
      var start = number(field('drafter-period-start').value);
      var end = number(field('drafter-period-end').value);
      if (start !== null) kept.plan.period.start = start;
      if (end !== null) kept.plan.period.end = end;
      kept.region = field('drafter-region').value;
      kept.subregions = field('drafter-subregions').value;
    }
    var rows = form.querySelectorAll('tr[data-id]');
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      var indicator = kept.plan.indicators.filter(function (i) { return i.id === row.dataset.id; })[0];
      if (!indicator) continue;
      var get = function (name) { return row.querySelector('[data-field="' + name + '"]').value; };
      indicator.name = get('name').trim() || indicator.name;
      indicator.aliases = get('aliases').split(/[,，、;；]/).map(function (a) { return a.trim(); }).filter(Boolean);
      indicator.unit = get('unit').trim();
      var target = indicator.target;
      target.op = get('op');
      target.value = NO_FIGURE.indexOf(target.op) >= 0 ? null : number(get('value'));
      var upper = number(get('upper'));
      if (target.op === 'range' && upper !== null) target.upper = upper;
      else delete target.upper;
      var year = number(get('year'));
      if (year !== null) target.year = year;
      if (target.op === 'decrease_pp_yearly') {
        if (typeof target.base_year !== 'number') target.base_year = kept.plan.baseline_year;
      } else delete target.base_year;
      indicator.kind = kindFor(target.op, indicator.kind);
      var base = number(get('base'));
      var baseYear = number(get('base_year'));
      if (base === null) indicator.baseline = null;
      else {
        var quote = indicator.baseline && indicator.baseline.quote;
        indicator.baseline = { year: baseYear === null ? kept.plan.baseline_year : baseYear, value: base };
        if (quote) indicator.baseline.quote = quote;
      }
    }
  }

  // The kind a comparator allows (the plan format's rule 7): its own for the three that are
  // kinds, else the drafted kind where it still fits, else a threshold.
  function kindFor(op, kind) {
    if (OWN_KIND.indexOf(op) >= 0) return op;
    if (OWN_KIND.indexOf(kind) >= 0) return 'threshold';
    if (kind === 'maintain' && ['>=', '<=', '='].indexOf(op) < 0) return 'threshold';
    return kind || 'threshold';
  }

  function labelled(id, text, field) {
    return element('p', { class: 'drafter-field' }, [element('label', { for: id, text: text }), ' ', field]);
  }

  // The draft under review: the plan's own facts, the table of targets, the left-out sentences.
  function showReview() {
    if (!open) return;
    var t = words();
    var plan = kept.plan;
    var review = open.review;
    review.textContent = '';
    if (!plan) return;
    var regions = plan.regions || [];
    if (kept.region === undefined) {
      var whole = regions.filter(function (r) { return r.whole; })[0];
      kept.region = whole ? whole.name : '';
      kept.subregions = regions.filter(function (r) { return !r.whole; }).map(function (r) { return r.name; }).join('、');
    }
    review.append(
      element('h3', { id: 'drafter-review-heading', text: t.review + '（' + plan.indicators.length + ' ' + t.targets + '）' }),
      element('p', { text: t.review_hint }),
      labelled('drafter-plan-title', t.plan_title, element('input', { id: 'drafter-plan-title', value: plan.title, size: 30 })),
      labelled('drafter-region', t.region, element('input', { id: 'drafter-region', value: kept.region, required: true, size: 12 })),
      labelled('drafter-subregions', t.subregions, element('input', { id: 'drafter-subregions', value: kept.subregions, size: 30 })),
      element('p', { class: 'drafter-field' }, [
        element('label', { for: 'drafter-period-start', text: t.period_start }), ' ',
        element('input', { id: 'drafter-period-start', value: String(plan.period.start), inputmode: 'numeric', size: 4 }), ' ',
        element('label', { for: 'drafter-period-end', text: t.period_end }), ' ',
        element('input', { id: 'drafter-period-end', value: String(plan.period.end), inputmode: 'numeric', size: 4 }),
      ]),
    );
    if (kept.questions.length) {
      review.append(
        element('h4', { text: t.questions }),
        element('ul', { id: 'drafter-questions' }, kept.questions.map(function (q) { return element('li', { text: q }); })),
      );
    }
    if (plan.indicators.length) {
      var heads = [t.quote, t.name, t.aliases, t.op, t.value, t.upper, t.unit, t.year, t.base, t.base_year, ''];
      var table = element('table', { id: 'drafter-table', class: 'drafter-table' }, [
        element('thead', {}, [element('tr', {}, heads.map(function (h) { return element('th', { scope: 'col', text: h }); }))]),
        element('tbody', {}, plan.indicators.map(indicatorRow)),
      ]);
      var scroll = element('div', { class: 'drafter-scroll' }, [table]);
      scroll.style.overflowX = 'auto';
      review.append(scroll);
    } else {
      review.append(element('p', { id: 'drafter-none', text: t.none }));
    }
    var excluded = plan.excluded || [];
    if (excluded.length) {
      review.append(
        element('h4', { text: t.excluded + '（' + excluded.length + '）' }),
        element('p', { text: t.excluded_hint }),
        element('ul', { id: 'drafter-excluded' }, excluded.map(excludedItem)),
      );
    }
    var use = element('button', { type: 'button', class: 'button', id: 'drafter-use', text: t.use });
    var download = element('button', { type: 'button', class: 'link-button', id: 'drafter-download', text: t.download });
    use.addEventListener('click', usePlan);
    download.addEventListener('click', downloadPlan);
    review.append(element('p', { class: 'corrections-actions' }, [use, ' ', download]));
  }

  function excludedItem(sentence, index) {
    var t = words();
    var promote = element('button', { type: 'button', class: 'link-button', 'data-action': 'promote', text: t.promote });
    promote.addEventListener('click', function () {
      keepEdits();
      promoteSentence(index);
      showReview();
      var row = open && open.review.querySelector('#drafter-table tbody tr:last-child input');
      if (row) row.focus();
    });
    return element('li', {}, [
      element('q', { text: sentence.quote }),
      ' — ' + sentence.reason + (sentence.section ? '（' + sentence.section + '）' : '') + ' ',
      promote,
    ]);
  }

  // A left-out sentence as a new target: its quote kept, its id stable from the quote, qualitative
  // until the reviewer gives it a comparator and a figure.
  function promoteSentence(index) {
    var plan = kept.plan;
    var sentence = plan.excluded[index];
    if (!sentence) return;
    plan.excluded.splice(index, 1);
    if (!plan.domains.length) {
      plan.domains.push({ id: 'd-' + hash('targets'), name: '目标', name_en: 'Targets' });
    }
    var id = 'i-' + hash(sentence.quote);
    var taken = function (candidate) { return plan.indicators.some(function (i) { return i.id === candidate; }); };
    for (var n = 2; taken(id); n++) id = 'i-' + hash(sentence.quote) + '_' + n;
    var name = sentence.quote.split(/[，,；;。：:\d]/)[0].trim() || sentence.quote.slice(0, 20);
    plan.indicators.push({
      id: id,
      domain: plan.domains[0].id,
      key: false,
      name: name,
      name_en: '',
      aliases: [],
      unit: '',
      baseline: null,
      target: { op: 'qualitative', value: null, year: plan.period.end, text: sentence.quote },
      kind: 'qualitative',
      source: { section: sentence.section || '', quote: sentence.quote },
      notes: [],
    });
  }

  // Drops what says nothing, as a person writes a plan file (and as Plan::to_json does).
  function prune(value) {
    if (Array.isArray(value)) return value.map(prune);
    if (!value || typeof value !== 'object') return value;
    var out = {};
    Object.keys(value).forEach(function (key) {
      var field = prune(value[key]);
      var saysNothing = field === null || field === undefined || field === false ||
        (Array.isArray(field) && !field.length) ||
        (field && typeof field === 'object' && !Array.isArray(field) && !Object.keys(field).length);
      if (key === 'checks' && field && typeof field === 'object') {
        saysNothing = Object.keys(field).every(function (k) { return !field[k] || !field[k].length; });
      }
      if (field === undefined || (OPTIONAL.indexOf(key) >= 0 && saysNothing)) return;
      out[key] = field;
    });
    return out;
  }

  // The plan file as the table now says it, or null with the reason shown.
  function planFile() {
    var t = words();
    keepEdits();
    var plan = kept.plan;
    if (!plan.indicators.length) {
      say(t.no_rows, true);
      return null;
    }
    var region = (kept.region || '').trim();
    if (!region) {
      say(t.no_region, true);
      var field = open.review.querySelector('#drafter-region');
      if (field) field.focus();
      return null;
    }
    var regions = [{ name: region, whole: true }];
    (kept.subregions || '').split(/[,，、;；\s]+/).forEach(function (name) {
      if (name && name !== region) regions.push({ name: name });
    });
    var file = Object.assign({}, plan, { regions: regions });
    return JSON.stringify(prune(file), null, 2) + '\n';
  }

  function fileName() {
    var title = (kept.plan.title || 'plan').replace(/[\\/:*?"<>|]/g, '_');
    return title + '.json';
  }

  function usePlan() {
    var json = planFile();
    if (!json) return;
    open.using = fileName();
    say(words().using, false);
    open.spec.use(open.using, json);
  }

  function downloadPlan() {
    var json = planFile();
    if (!json) return;
    say('', false);
    var url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    var link = element('a', { href: url, download: fileName() });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  // A plan file picked to edit again: read here, as the plan picker's JSON is, with no drafting.
  function reopen(text, name) {
    var t = words();
    var plan;
    try {
      plan = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      say(t.bad_json + name + '：' + e.message, true);
      return;
    }
    if (!plan || !Array.isArray(plan.indicators)) {
      say(t.not_plan, true);
      return;
    }
    review(plan, []);
  }

  function review(plan, questions) {
    plan.indicators = plan.indicators || [];
    plan.domains = plan.domains || [];
    plan.excluded = plan.excluded || [];
    plan.period = plan.period || { start: 2021, end: 2025 };
    kept.plan = plan;
    kept.questions = questions || [];
    kept.region = undefined;
    say('', false);
    showReview();
    var heading = open && open.review.querySelector('#drafter-review-heading');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  function sendText() {
    var t = words();
    kept.text = open.text.value;
    var bytes = new TextEncoder().encode(kept.text);
    draft(bytes, t.pasted);
  }

  function draft(bytes, name) {
    open.drafting = name;
    busy(true);
    say(words().working, false);
    open.spec.draft(bytes, name);
  }

  function pickFile(file) {
    var t = words();
    var reader = new FileReader();
    var isJson = /\.json$/i.test(file.name);
    reader.onerror = function () { say(t.read_failed + file.name, true); };
    reader.onload = function () {
      if (!open) return;
      if (isJson) reopen(reader.result, file.name);
      else draft(new Uint8Array(reader.result), file.name);
    };
    if (isJson) reader.readAsText(file);
    else reader.readAsArrayBuffer(file);
  }

  // Tab stays within the dialog, as a modal dialog's does.
  function trapTab(event) {
    var focusable = open.dialog.querySelectorAll('button:not([disabled]), input, select, textarea, [tabindex="-1"]');
    var list = Array.prototype.filter.call(focusable, function (node) { return node.getAttribute('tabindex') !== '-1'; });
    if (!list.length) return;
    var first = list[0];
    var last = list[list.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  window.__duibiaoDrafter = {
    open: function (spec) {
      close();
      var t = WORDS[spec.lang === 'en' ? 'en' : 'zh'];
      var text = element('textarea', { id: 'drafter-text', rows: 8, cols: 60 });
      text.value = kept.text;
      text.addEventListener('input', function () { kept.text = text.value; });
      var file = element('input', { id: 'drafter-file', type: 'file', accept: '.txt,.docx,.html,.htm,.json,text/plain,text/html,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      var generate = element('button', { type: 'button', class: 'button', id: 'drafter-generate', text: t.generate });
      var closeButton = element('button', { type: 'button', class: 'link-button', id: 'drafter-close', text: t.close });
      var status = element('p', { id: 'drafter-status', role: 'status' });
      var error = element('p', { id: 'drafter-error', class: 'error-message', role: 'alert' });
      var review = element('div', { id: 'drafter-review' });
      var box = element('div', { class: 'corrections-box drafter-box' }, [
        element('h2', { id: 'drafter-title', text: t.title }),
        element('p', { text: t.hint }),
        element('p', {}, [element('label', { for: 'drafter-text', text: t.text })]),
        text,
        element('p', {}, [element('label', { for: 'drafter-file', text: t.file }), ' ', file]),
        element('p', { class: 'corrections-actions' }, [generate, ' ', closeButton]),
        status,
        error,
        review,
      ]);
      box.style.maxWidth = '90rem';
      text.style.width = '100%';
      var dialog = element(
        'div',
        { id: 'drafter', class: 'corrections-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'drafter-title', lang: spec.lang === 'en' ? 'en' : 'zh-CN' },
        [box],
      );
      // The overlay's sides as longhands, whatever the stylesheet's build makes of them: minified,
      // they became `inset`, which Chromium 86 lacks (the overlay then sat below the page).
      ['top', 'right', 'bottom', 'left'].forEach(function (side) { dialog.style[side] = '0'; });
      generate.addEventListener('click', sendText);
      closeButton.addEventListener('click', close);
      file.addEventListener('change', function () {
        if (file.files && file.files[0]) pickFile(file.files[0]);
        file.value = '';
      });
      var onKey = function (event) {
        if (event.key === 'Escape') close();
        else if (event.key === 'Tab' && open) trapTab(event);
      };
      document.addEventListener('keydown', onKey, true);
      open = { spec: spec, dialog: dialog, onKey: onKey, returnTo: document.activeElement, text: text, generate: generate, status: status, error: error, review: review };
      document.body.append(dialog);
      showReview();
      text.focus();
    },
    // The page's calls, named after the writer's responses (src/web/ui/drafter.rs): the draft of
    // the text sent, its JSON and the questions the drafter could not settle, one a line.
    plan_drafted: function (source, json, questions) {
      if (!open || source !== open.drafting) return;
      open.drafting = null;
      busy(false);
      var plan;
      try {
        plan = JSON.parse(json);
      } catch (e) {
        say(words().bad_json + e.message, true);
        return;
      }
      review(plan, questions ? questions.split('\n') : []);
    },
    draft_failed: function (source, zh, en) {
      if (!open || source !== open.drafting) return;
      open.drafting = null;
      busy(false);
      say(open.spec.lang === 'en' ? en : zh, true);
      open.text.focus();
    },
    // The writer stopped while drafting (a crash is replaced by a fresh writer): say so.
    export_failed: function (message) {
      if (!open || !open.drafting) return;
      open.drafting = null;
      busy(false);
      say(message, true);
    },
    plan_read: function (source) {
      if (open && source === open.using) close();
    },
    plan_failed: function (source, zh, en) {
      if (!open || source !== open.using) return;
      open.using = null;
      say(open.spec.lang === 'en' ? en : zh, true);
    },
    close: close,
  };
})();

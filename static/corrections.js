// The dialog that corrects how a file was read: each column's role, and each sheet's year and
// region (for rows that name none) or leaving the sheet out. Loaded only when the user opens it
// (src/web/ui/corrections.rs adds this script then), so that a first check never downloads it;
// the one-file offline copy (build/single-file.mjs) inlines it instead.
//
// It knows no words and no rules of its own: the app hands it everything in `spec` — the sheets
// as the reader read them (their columns and roles), the roles with their names in the page's
// language, the user's earlier choices, the dialog's texts — and takes back the choices, which
// it passes to `spec.apply` as {columns: [{sheet, column, role}], sheets: [{sheet, year,
// region, skip}]}. The reader then reads the file again from the bytes it holds.
(function () {
  'use strict';

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children || []) node.append(child);
    return node;
  }

  let open = null;

  function close() {
    if (!open) return;
    open.dialog.remove();
    document.removeEventListener('keydown', open.onKey, true);
    if (open.returnTo && open.returnTo.isConnected) open.returnTo.focus();
    open = null;
  }

  // One sheet: a row per column with a role select, then the year, region and skip inputs.
  function sheetFieldset(spec, sheet, s) {
    const t = spec.texts;
    const chosen = (spec.choices.sheets || []).find((c) => c.sheet === sheet.name) || {};
    const columnRows = sheet.columns.map((column, index) => {
      const id = `dbc-${s}-${index}`;
      const earlier = (spec.choices.columns || []).find(
        (c) => c.sheet === sheet.name && c.column === index,
      );
      const select = element(
        'select',
        { id, 'data-sheet': sheet.name, 'data-column': String(index) },
        spec.roles.map((role) =>
          element('option', {
            value: role.word,
            text: role.name,
            selected: (earlier ? earlier.role : column.role) === role.word,
          }),
        ),
      );
      const header = column.header ? `“${column.header}”` : t.no_header;
      return element('tr', {}, [
        element('th', { scope: 'row' }, [element('label', { for: id, text: `${column.column} ${header}` })]),
        element('td', {}, [select]),
      ]);
    });
    const yearId = `dbc-${s}-year`;
    const regionId = `dbc-${s}-region`;
    const skipId = `dbc-${s}-skip`;
    return element('fieldset', { 'data-sheet': sheet.name }, [
      element('legend', { text: `${t.sheet}：${sheet.name}（${t.header_row} ${sheet.header_row}）` }),
      element('table', { class: 'corrections-columns' }, [
        element('thead', {}, [element('tr', {}, [element('th', { scope: 'col', text: t.column }), element('th', { scope: 'col', text: t.role })])]),
        element('tbody', {}, columnRows),
      ]),
      element('p', {}, [
        element('label', { for: yearId, text: t.sheet_year }),
        element('input', {
          id: yearId,
          type: 'number',
          min: '2000',
          max: '2049',
          'data-field': 'year',
          value: chosen.year ?? sheet.year ?? '',
        }),
        ' ',
        element('label', { for: regionId, text: t.sheet_region }),
        element('input', {
          id: regionId,
          type: 'text',
          'data-field': 'region',
          value: chosen.region ?? sheet.region ?? '',
        }),
        ' ',
        element('input', { id: skipId, type: 'checkbox', 'data-field': 'skip', checked: !!chosen.skip }),
        element('label', { for: skipId, text: t.skip_sheet }),
      ]),
    ]);
  }

  // What the form says where it differs from what the reader read, and every earlier choice
  // still in the form (the reader's reading already follows those).
  function choices(spec, form) {
    const columns = [];
    for (const select of form.querySelectorAll('select[data-column]')) {
      const sheet = spec.sheets.find((s) => s.name === select.dataset.sheet);
      const index = Number(select.dataset.column);
      const earlier = (spec.choices.columns || []).some((c) => c.sheet === sheet.name && c.column === index);
      if (earlier || sheet.columns[index].role !== select.value) {
        columns.push({ sheet: sheet.name, column: index, role: select.value });
      }
    }
    const sheets = [];
    for (const fieldset of form.querySelectorAll('fieldset[data-sheet]')) {
      const sheet = spec.sheets.find((s) => s.name === fieldset.dataset.sheet);
      const field = (name) => fieldset.querySelector(`[data-field="${name}"]`);
      const year = field('year').value ? Number(field('year').value) : null;
      const region = field('region').value.trim() || null;
      const skip = field('skip').checked;
      const earlier = (spec.choices.sheets || []).some((c) => c.sheet === sheet.name);
      if (earlier || year !== (sheet.year ?? null) || region !== (sheet.region ?? null) || skip) {
        sheets.push({ sheet: sheet.name, year, region, skip });
      }
    }
    return { columns, sheets };
  }

  window.__duibiaoCorrections = {
    open(spec) {
      close();
      const t = spec.texts;
      const form = element('form', {}, spec.sheets.map((sheet, s) => sheetFieldset(spec, sheet, s)));
      const apply = element('button', { type: 'submit', class: 'button', text: t.apply });
      const cancel = element('button', { type: 'button', class: 'link-button', text: t.cancel });
      form.append(element('p', { class: 'corrections-actions' }, [apply, ' ', cancel]));
      const title = element('h2', { id: 'corrections-title', text: t.title });
      const dialog = element(
        'div',
        { class: 'corrections-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'corrections-title', lang: spec.lang },
        [element('div', { class: 'corrections-box' }, [title, element('p', { text: t.hint }), form])],
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const chosen = choices(spec, form);
        close();
        spec.apply(chosen);
      });
      cancel.addEventListener('click', close);
      const onKey = (event) => {
        if (event.key === 'Escape') close();
      };
      document.addEventListener('keydown', onKey, true);
      open = { dialog, onKey, returnTo: document.activeElement };
      document.body.append(dialog);
      const first = form.querySelector('select, input');
      if (first) first.focus();
    },
    close,
  };
})();

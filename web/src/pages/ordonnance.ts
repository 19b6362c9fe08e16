// "Ordonnance": patient fields and prescription lines (drug with
// autocomplete, dose, intakes per day or per week) sent to POST /v1/check;
// the findings are rendered by findings.ts.
import { post, ApiError } from '../api.js';
import { attachDrugAutocomplete } from '../autocomplete.js';
import { el, field, heading, showError } from '../dom.js';
import { t } from '../i18n.js';
import { renderCheck } from './findings.js';
import { snapshots } from '../sources.js';

function value(id: string): string {
  return (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
}

function num(id: string): number | undefined {
  const v = value(id);
  return v === '' ? undefined : Number(v);
}

function checked(id: string): boolean {
  return (document.getElementById(id) as HTMLInputElement).checked;
}

// The shared Patient object (DESIGN.md): only the fields the user filled in.
export function readPatient(): Record<string, unknown> {
  const p: Record<string, unknown> = {
    age_years: num('p-age'), sex: value('p-sex') || undefined, weight_kg: num('p-weight'),
    height_cm: num('p-height'), creatinine_umol_l: num('p-creat'),
    creatinine_date: value('p-creat-date') || undefined, pregnant: checked('p-pregnant'),
    breastfeeding: checked('p-bf'),
    allergies: value('p-allergies').split(',').map((s) => s.trim()).filter((s) => s !== ''),
  };
  if (p.pregnant) p.gestational_age_weeks = num('p-ga');
  return p;
}

export function patientFieldset(): HTMLElement {
  return el('fieldset', {}, el('legend', {}, t('patient')),
    el('div', { class: 'grid' },
      ...field(t('age'), el('input', { id: 'p-age', type: 'number', min: '0', max: '130' })),
      ...field(t('sex'), el('select', { id: 'p-sex' }, el('option', { value: '' }, '—'),
        el('option', { value: 'F' }, 'F'), el('option', { value: 'M' }, 'M'))),
      ...field(t('weight'), el('input', { id: 'p-weight', type: 'number', step: 'any', min: '0' })),
      ...field(t('height'), el('input', { id: 'p-height', type: 'number', step: 'any', min: '0' })),
      ...field(t('creat'), el('input', { id: 'p-creat', type: 'number', step: 'any', min: '0' })),
      ...field(t('creat_date'), el('input', { id: 'p-creat-date', type: 'date' })),
      ...field(t('pregnant'), el('input', { id: 'p-pregnant', type: 'checkbox' })),
      ...field(t('ga'), el('input', { id: 'p-ga', type: 'number', min: '0', max: '45' })),
      ...field(t('breastfeeding'), el('input', { id: 'p-bf', type: 'checkbox' })),
      ...field(t('allergies'), el('input', { id: 'p-allergies', type: 'text' }))));
}

let lineCount = 0;

function lineRow(container: HTMLElement): HTMLElement {
  const n = ++lineCount;
  const drug = el('input', { type: 'text', class: 'rx-drug', id: `rx-drug-${n}` });
  const list = attachDrugAutocomplete(drug, `drug-list-${n}`);
  const remove = el('button', { type: 'button', class: 'secondary' }, t('rx.remove'));
  const row = el('div', { class: 'rx-line', 'data-line': String(n) },
    el('div', { class: 'combo' }, ...field(t('rx.drug'), drug), list),
    el('div', {}, ...field(t('rx.dose'),
      el('input', { type: 'number', class: 'rx-dose', step: 'any', min: '0' }))),
    el('div', {}, ...field(t('rx.unit'), el('select', { class: 'rx-unit' },
      ...['mg', 'g', 'µg', 'UI'].map((u) => el('option', { value: u }, u))))),
    el('div', {}, ...field(t('rx.freq'),
      el('input', { type: 'number', class: 'rx-freq', step: '1', min: '1' }))),
    el('div', {}, ...field(t('rx.period'), el('select', { class: 'rx-period' },
      el('option', { value: 'd' }, t('rx.day')), el('option', { value: 'wk' }, t('rx.week'))))),
    remove);
  remove.setAttribute('aria-label', `${t('rx.remove')} ${t('rx.line').toLowerCase()} ${n}`);
  remove.addEventListener('click', () => {
    row.remove();
    (container.querySelector('.rx-drug') as HTMLElement | null)?.focus();
  });
  return row;
}

// One request line per filled row: the picked CIS when the user chose a
// suggestion, the typed text otherwise (the server resolves it).
// Also returns the row of each request line, to act on an unresolved line.
function readLines(container: HTMLElement): [unknown[], HTMLElement[]] {
  const out: unknown[] = [];
  const used: HTMLElement[] = [];
  for (const row of Array.from(container.querySelectorAll<HTMLElement>('.rx-line'))) {
    const q = <T extends Element>(sel: string) => row.querySelector(sel) as unknown as T;
    const drug = q<HTMLInputElement>('.rx-drug');
    if (drug.value.trim() === '') continue;
    const line: Record<string, unknown> = drug.dataset.cis ? { cis: drug.dataset.cis }
      : { drug: drug.value.trim() };
    const dose = q<HTMLInputElement>('.rx-dose').value;
    if (dose !== '') line.dose = { value: Number(dose), unit: q<HTMLSelectElement>('.rx-unit').value };
    const freq = q<HTMLInputElement>('.rx-freq').value;
    if (freq !== '') {
      line.timing = { frequency: Number(freq), period: 1,
        period_unit: q<HTMLSelectElement>('.rx-period').value };
    }
    out.push(line);
    used.push(row);
  }
  return [out, used];
}

export function ordonnancePage(root: HTMLElement): void {
  lineCount = 0;
  const out = el('div', { id: 'check-result', 'aria-live': 'polite' });
  const rows = el('div', { id: 'rx-lines' });
  rows.append(lineRow(rows), lineRow(rows));
  const add = el('button', { type: 'button', id: 'rx-add', class: 'secondary' }, t('rx.add'));
  add.addEventListener('click', () => {
    const row = lineRow(rows);
    rows.append(row);
    (row.querySelector('.rx-drug') as HTMLElement).focus();
  });
  // The thesaurus version to check against: the newest unless the user picks another.
  const version = el('select', { id: 'rx-thesaurus' });
  void snapshots().then((list) => {
    const versions = list?.thesaurus ?? [];
    version.replaceChildren(...[...versions].reverse().map((v) => el('option', { value: v }, v)));
  });
  const run = el('button', { type: 'submit', id: 'check-run' }, t('check.run'));
  const form = el('form', { id: 'rx-form', novalidate: '' }, patientFieldset(),
    el('fieldset', {}, el('legend', {}, t('rx.lines')), rows, add),
    el('div', { class: 'grid' }, ...field(t('rx.thesaurus'), version)), run);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    out.replaceChildren(el('p', { class: 'muted' }, t('loading')));
    const [lines, used] = readLines(rows);
    try {
      const body: Record<string, unknown> = { patient: readPatient(), lines };
      if (version.value) body.thesaurus_version = version.value;
      renderCheck(out, await post('/v1/check', body),
        (index, cis, denomination) => {
          const drug = used[index]?.querySelector('.rx-drug') as HTMLInputElement | null;
          if (!drug) return;
          drug.value = denomination;
          drug.dataset.cis = cis;
          drug.focus();
        });
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(heading(t('nav.ordonnance')), form, out);
}

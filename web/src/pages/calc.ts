// "Posologie & calculateurs": the calculator registry (GET /v1/calc) rendered
// as forms (inputs with units and ranges, formula and source shown before and
// after computing), and the dose for this patient (dose.ts).
import { get, post, ApiError } from '../api.js';
import { el, field, fill, heading, showError } from '../dom.js';
import { lang, pick, t } from '../i18n.js';
import { doseSection } from './dose.js';

interface CalcInput {
  name: string; type: string; label: { fr: string; en: string }; unit?: string;
  min?: number; max?: number; required?: boolean; choices?: string[];
}
interface Calculator {
  id: string; name: { fr: string; en: string }; inputs: CalcInput[]; formula: string;
  source: string; output_unit: string;
}

function inputFor(spec: CalcInput): HTMLElement {
  const name = spec.name;
  if (spec.type === 'sex') {
    return el('select', { name }, el('option', { value: '' }, '—'), el('option', { value: 'M' }, 'M'),
      el('option', { value: 'F' }, 'F'));
  }
  if (spec.type === 'boolean') return el('input', { name, type: 'checkbox' });
  if (spec.type === 'choice' && spec.choices) {
    return el('select', { name }, el('option', { value: '' }, '—'),
      ...spec.choices.map((c) => el('option', { value: c }, c)));
  }
  if (spec.type === 'date') return el('input', { name, type: 'date' });
  const attrs: Record<string, string> = { name, type: 'number', step: 'any' };
  if (spec.min !== undefined) attrs.min = String(spec.min);
  if (spec.max !== undefined) attrs.max = String(spec.max);
  return el('input', attrs);
}

// "Poids (kg), de 1 à 400 — obligatoire": label, unit, range and whether required.
function labelFor(spec: CalcInput): string {
  let label = spec.label[lang()] + (spec.unit ? ` (${spec.unit})` : '');
  if (spec.min !== undefined && spec.max !== undefined) {
    label += `, ${fill(t('calc.range'), { min: spec.min, max: spec.max })}`;
  }
  return label + (spec.required ? ` — ${t('calc.required')}` : '');
}

function readForm(form: HTMLFormElement, calc: Calculator): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of calc.inputs) {
    const input = form.elements.namedItem(spec.name) as HTMLInputElement | null;
    if (!input) continue;
    if (spec.type === 'boolean') values[spec.name] = input.checked;
    else if (input.value === '') continue;
    else if (spec.type === 'number' || spec.type === 'integer') values[spec.name] = Number(input.value);
    else values[spec.name] = input.value;
  }
  return values;
}

function renderForm(calc: Calculator, out: HTMLElement): HTMLFormElement {
  // novalidate: the server's message names the input and its range, in the UI language.
  const form = el('form', { 'data-calc': calc.id, novalidate: '', class: 'grid' });
  for (const spec of calc.inputs) form.append(...field(labelFor(spec), inputFor(spec)));
  form.append(el('button', { type: 'submit' }, t('calc.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await post(`/v1/calc/${encodeURIComponent(calc.id)}`, readForm(form, calc));
      out.replaceChildren(el('div', { class: 'card info', 'data-result': calc.id },
        el('p', {}, el('strong', { class: 'value' }, `${r.value} ${r.unit}`)),
        el('p', {}, pick(r.interpretation)),
        el('p', { class: 'formula' }, `${t('calc.formula')} : ${r.formula}`),
        el('p', { class: 'source' }, `${t('calc.source')} : ${r.source}`)));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  return form;
}

export async function calcPage(root: HTMLElement): Promise<void> {
  const out = el('div', { id: 'calc-result', 'aria-live': 'polite' });
  const title = heading(t('nav.calc'));
  try {
    const list = (await get('/v1/calc')).calculators as Calculator[];
    const select = el('select', { id: 'calc-select' },
      ...list.map((c) => el('option', { value: c.id }, c.name[lang()])));
    const holder = el('div', { id: 'calc-form' });
    const show = () => {
      const calc = list.find((c) => c.id === select.value)!;
      out.replaceChildren();
      holder.replaceChildren(
        el('p', { class: 'formula' }, `${t('calc.formula')} : ${calc.formula}`),
        el('p', { class: 'source' }, `${t('calc.source')} : ${calc.source}`), renderForm(calc, out));
    };
    select.addEventListener('change', show);
    root.replaceChildren(title, el('section', { 'aria-labelledby': 'calc-h' },
      el('h2', { id: 'calc-h' }, t('calc.choose')),
      el('div', { class: 'grid' }, ...field(t('calc.choose'), select)), holder, out), doseSection());
    show();
  } catch (e) {
    const msg = el('div');
    root.replaceChildren(title, msg);
    showError(msg, (e as ApiError).message);
  }
}

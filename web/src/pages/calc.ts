// "Posologie & calculateurs": the calculator registry (GET /v1/calc) rendered
// as forms; results show value, unit, interpretation, formula and source.
import { get, post, ApiError } from '../api.js';
import { el, field, showError } from '../dom.js';
import { lang, t } from '../i18n.js';

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
  const form = el('form', { 'data-calc': calc.id, novalidate: '' });
  for (const spec of calc.inputs) {
    const label = `${spec.label[lang()]}${spec.unit ? ` (${spec.unit})` : ''}` +
      (spec.required ? ` — ${t('calc.required')}` : '');
    form.append(...field(label, inputFor(spec)));
  }
  form.append(el('button', { type: 'submit' }, t('calc.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      const r = await post(`/v1/calc/${encodeURIComponent(calc.id)}`, readForm(form, calc));
      out.replaceChildren(el('div', { class: 'card info', 'data-result': calc.id },
        el('p', {}, el('strong', { class: 'value' }, `${r.value} ${r.unit}`)),
        el('p', {}, r.interpretation?.[lang()] ?? ''),
        el('p', { class: 'muted' }, `${t('calc.formula')} : ${r.formula}`),
        el('p', { class: 'muted' }, `${t('calc.source')} : ${r.source}`)));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  return form;
}

export async function calcPage(root: HTMLElement): Promise<void> {
  const out = el('div', { id: 'calc-result' });
  try {
    const list = (await get('/v1/calc')).calculators as Calculator[];
    const select = el('select', { id: 'calc-select' },
      ...list.map((c) => el('option', { value: c.id }, c.name[lang()])));
    const holder = el('div');
    const show = () => {
      const calc = list.find((c) => c.id === select.value)!;
      out.replaceChildren();
      holder.replaceChildren(el('p', { class: 'muted' }, calc.source), renderForm(calc, out));
    };
    select.addEventListener('change', show);
    root.replaceChildren(el('h1', {}, t('nav.calc')), ...field(t('calc.choose'), select), holder, out);
    show();
  } catch (e) {
    root.replaceChildren(el('h1', {}, t('nav.calc')));
    const msg = el('div');
    root.append(msg);
    showError(msg, (e as ApiError).message);
  }
}

// "Dose pour ce patient" (POST /v1/dose): a substance and the patient's
// fields -> the applicable posology rule, its limits made absolute for this
// patient, renal estimate with formula and creatinine date, bands that apply,
// what could not be evaluated, each with its source.
import { post, ApiError } from '../api.js';
import { el, field, showError } from '../dom.js';
import { pick, t } from '../i18n.js';
import { sourceText } from './findings.js';
import { patientFieldset, readPatient } from './ordonnance.js';

const LIMITS = ['per_intake_min', 'per_intake_max', 'per_day_max', 'per_day_usual_max',
  'per_week_max', 'min_interval_h', 'max_duration_days'];

function renderDose(out: HTMLElement, r: any): void {
  const parts: Node[] = [el('p', {}, el('strong', {}, r.substance), ` — ${r.status}`)];
  if (r.message) parts.push(el('p', {}, pick(r.message)));
  if (r.rule) {
    parts.push(el('p', {}, pick(r.rule.text)));
    const unit = r.limits?.unit ?? '';
    const items = LIMITS.filter((k) => r.limits?.[k] !== undefined).map((k) => {
      const u = k.endsWith('_h') || k.endsWith('_days') ? '' : ` ${unit}`;
      return el('li', { 'data-limit': k }, `${t(`dose.${k}`)} : ${r.limits[k]}${u}`);
    });
    parts.push(el('h3', {}, t('dose.limits')), el('ul', {}, ...items));
    if (r.limits?.basis?.length) parts.push(el('p', { class: 'muted' }, r.limits.basis.join(' ; ')));
    parts.push(el('p', { class: 'source' }, `${t('check.source')} : ${sourceText(r.rule.source)}`));
  }
  for (const e of r.renal ?? []) {
    const text = e.value !== undefined
      ? `${e.estimator ?? e.id ?? ''} : ${e.value} ${e.unit ?? ''}${e.formula ? ` (${e.formula})` : ''}`
      : `${e.estimator} : ${e.reason ?? e.status}`;
    parts.push(el('p', { class: 'renal' }, `${t('dose.renal')} — ${text}`));
  }
  for (const b of r.bands ?? []) {
    parts.push(el('div', { class: `card ${b.action === 'contraindicated' ? 'CI' : 'warning'}` },
      el('p', {}, pick(b.text)), el('p', { class: 'source' }, sourceText(b.source))));
  }
  if (r.not_evaluated?.length) {
    parts.push(el('p', { class: 'muted' }, `${t('check.not_evaluated')} : ${r.not_evaluated.join(' ; ')}`));
  }
  out.replaceChildren(el('div', { class: 'card info', id: 'dose-card' }, ...parts));
}

export function doseSection(): HTMLElement {
  const out = el('div', { id: 'dose-result', 'aria-live': 'polite' });
  const substance = el('input', { id: 'dose-substance', type: 'text' });
  const form = el('form', { id: 'dose-form', novalidate: '' },
    el('div', { class: 'grid' }, ...field(t('dose.substance'), substance)), patientFieldset(),
    el('button', { type: 'submit' }, t('dose.run')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      renderDose(out, await post('/v1/dose', { substance: substance.value.trim(), patient: readPatient() }));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  return el('section', { 'aria-labelledby': 'dose-h' }, el('h2', { id: 'dose-h' }, t('dose.title')),
    form, out);
}

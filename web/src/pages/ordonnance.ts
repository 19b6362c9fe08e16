// "Ordonnance": patient fields and prescription lines sent to POST /v1/check;
// findings shown as cards grouped by severity with risk, conduct and source.
import { post, ApiError } from '../api.js';
import { el, field, showError } from '../dom.js';
import { t } from '../i18n.js';

const SEVERITY = ['CI', 'contraindicated', 'ASDEC', 'warning', 'PE', 'APEC', 'info'];

function num(id: string): number | undefined {
  const v = (document.getElementById(id) as HTMLInputElement).value;
  return v === '' ? undefined : Number(v);
}

function readPatient(): Record<string, unknown> {
  const sex = (document.getElementById('p-sex') as HTMLSelectElement).value;
  const date = (document.getElementById('p-creat-date') as HTMLInputElement).value;
  const allergies = (document.getElementById('p-allergies') as HTMLInputElement).value;
  const pregnant = (document.getElementById('p-pregnant') as HTMLInputElement).checked;
  const p: Record<string, unknown> = {
    age_years: num('p-age'), sex: sex || undefined, weight_kg: num('p-weight'),
    height_cm: num('p-height'), creatinine_umol_l: num('p-creat'),
    creatinine_date: date || undefined, pregnant,
    breastfeeding: (document.getElementById('p-bf') as HTMLInputElement).checked,
    allergies: allergies.split(',').map((s) => s.trim()).filter((s) => s !== ''),
  };
  if (pregnant) p.gestational_age_weeks = num('p-ga');
  return p;
}

// "KARDEGIC 75 mg; 75; 1" -> {drug, dose: {value, unit: mg}, timing: per day}.
function readLines(text: string): unknown[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '').map((l) => {
    const [drug, dose, perDay] = l.split(';').map((s) => s.trim());
    const line: Record<string, unknown> = { drug };
    if (dose) line.dose = { value: Number(dose), unit: 'mg' };
    if (perDay) line.timing = { frequency: Number(perDay), period: 1, period_unit: 'd' };
    return line;
  });
}

function card(f: any): HTMLElement {
  const src = f.source ?? {};
  const where = [src.document, src.version, src.page ? `p. ${src.page}` : src.section]
    .filter(Boolean).join(', ');
  return el('details', { class: `card ${f.level}`, 'data-level': f.level },
    el('summary', {}, `${f.level} — ${f.message ?? ''}`),
    el('p', {}, f.risk ?? ''), el('p', {}, f.conduct ?? ''), el('p', { class: 'muted' }, where));
}

function render(out: HTMLElement, r: any): void {
  const findings = [...(r.findings ?? [])].sort(
    (a, b) => SEVERITY.indexOf(a.level) - SEVERITY.indexOf(b.level));
  const parts: Node[] = findings.length ? findings.map(card) : [el('p', {}, t('check.none'))];
  if (r.unresolved?.length) {
    parts.push(el('h2', {}, t('check.unresolved')),
      ...r.unresolved.map((u: any) => el('p', { class: 'card warning' }, JSON.stringify(u))));
  }
  if (r.kb) parts.push(el('p', { class: 'muted' }, `BDPM ${r.kb.bdpm} · ANSM ${r.kb.thesaurus}`));
  out.replaceChildren(...parts);
}

export function ordonnancePage(root: HTMLElement): void {
  const out = el('div', { id: 'check-result' });
  const lines = el('textarea', { id: 'rx-lines' });
  const patient = el('fieldset', {}, el('legend', {}, t('patient')),
    el('form', {},
      ...field(t('age'), el('input', { id: 'p-age', type: 'number', min: '0', max: '130' })),
      ...field(t('sex'), el('select', { id: 'p-sex' }, el('option', { value: '' }, '—'),
        el('option', { value: 'F' }, 'F'), el('option', { value: 'M' }, 'M'))),
      ...field(t('weight'), el('input', { id: 'p-weight', type: 'number', step: 'any' })),
      ...field(t('height'), el('input', { id: 'p-height', type: 'number', step: 'any' })),
      ...field(t('creat'), el('input', { id: 'p-creat', type: 'number', step: 'any' })),
      ...field(t('creat_date'), el('input', { id: 'p-creat-date', type: 'date' })),
      ...field(t('pregnant'), el('input', { id: 'p-pregnant', type: 'checkbox' })),
      ...field(t('ga'), el('input', { id: 'p-ga', type: 'number', min: '0', max: '45' })),
      ...field(t('breastfeeding'), el('input', { id: 'p-bf', type: 'checkbox' })),
      ...field(t('allergies'), el('input', { id: 'p-allergies', type: 'text' }))));
  const button = el('button', { type: 'button', id: 'check-run' }, t('check.run'));
  button.addEventListener('click', async () => {
    try {
      render(out, await post('/v1/check', { patient: readPatient(), lines: readLines(lines.value) }));
    } catch (e) {
      showError(out, (e as ApiError).message);
    }
  });
  root.replaceChildren(el('h1', {}, t('nav.ordonnance')), patient,
    el('p', {}, t('check.lines')), lines, button, out);
}

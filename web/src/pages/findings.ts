// Results of POST /v1/check: findings grouped by severity (ANSM levels and
// colours: contre-indication, association déconseillée, précaution d'emploi,
// à prendre en compte), each card expandable to risk, conduct and source with
// its page; the thesaurus version used; unresolved lines shown (never hidden)
// with the candidates the server offers; checks not evaluated and why.
import { el } from '../dom.js';
import { t } from '../i18n.js';

// Most severe first; interaction levels and the check's own severities.
const ORDER = ['CI', 'contraindicated', 'ASDEC', 'warning', 'PE', 'APEC', 'info'];

interface Source { document?: string; version?: string; page?: number; section?: string }

export function sourceText(src: Source | undefined): string {
  if (!src) return '';
  const where = src.page ? `p. ${src.page}` : src.section;
  return [src.document, src.version, where].filter(Boolean).join(', ');
}

function card(f: any): HTMLElement {
  const body: Node[] = [];
  if (f.risk) body.push(el('p', {}, el('strong', {}, `${t('check.risk')} : `), f.risk));
  if (f.conduct) body.push(el('p', {}, el('strong', {}, `${t('check.conduct')} : `), f.conduct));
  body.push(el('p', { class: 'source' }, el('strong', {}, `${t('check.source')} : `),
    sourceText(f.source)));
  return el('details', { class: `card ${f.level}`, 'data-level': f.level, 'data-kind': f.kind },
    el('summary', {}, el('span', { class: 'badge' }, t(`level.${f.level}`)), ' ', f.message ?? ''),
    ...body);
}

function unresolvedCard(u: any, onPick: PickHandler): HTMLElement {
  const reason = t(`reason.${u.reason}`);
  const c = el('div', { class: 'card unresolved', 'data-unresolved': String(u.index) },
    el('p', {}, el('strong', {}, `${t('rx.line')} ${u.index + 1} : `), u.input, ` — ${reason}`));
  if (u.candidates?.length) {
    const list = el('ul', { class: 'candidates' });
    for (const cand of u.candidates) {
      const b = el('button', { type: 'button', class: 'secondary', 'data-cis': cand.cis },
        `${cand.denomination} (CIS ${cand.cis})`);
      b.addEventListener('click', () => onPick(u.index, cand.cis, cand.denomination));
      list.append(el('li', {}, b));
    }
    c.append(el('p', {}, `${t('check.candidates')} :`), list);
  }
  return c;
}

export type PickHandler = (index: number, cis: string, denomination: string) => void;

export function renderCheck(out: HTMLElement, r: any, onPick: PickHandler): void {
  const parts: Node[] = [];
  const version = r.thesaurus_version ?? r.kb?.thesaurus;
  parts.push(el('p', { class: 'version', id: 'check-version' },
    `${t('check.thesaurus')} : ${version ?? '—'} · BDPM ${r.kb?.bdpm ?? '—'}`));
  if (r.unresolved?.length) {
    parts.push(el('section', { id: 'check-unresolved', class: 'group' },
      el('h2', {}, t('check.unresolved')),
      ...r.unresolved.map((u: any) => unresolvedCard(u, onPick))));
  }
  const findings: any[] = r.findings ?? [];
  if (!findings.length) parts.push(el('p', { class: 'card ok', id: 'check-none' }, t('check.none')));
  const levels = [...ORDER, ...findings.map((f) => f.level).filter((l) => !ORDER.includes(l))];
  for (const level of levels) {
    const of = findings.filter((f) => f.level === level);
    if (!of.length) continue;
    parts.push(el('section', { class: `group ${level}`, 'data-group': level },
      el('h2', {}, `${t(`level.${level}`)} (${of.length})`), ...of.map(card)));
  }
  if (r.not_evaluated?.length) {
    parts.push(el('section', { id: 'check-not-evaluated', class: 'group' },
      el('h2', {}, t('check.not_evaluated')),
      el('ul', {}, ...r.not_evaluated.map((n: any) => el('li', {}, n.message ?? n.check)))));
  }
  if (r.lines?.length) {
    parts.push(el('section', { class: 'group' }, el('h2', {}, t('check.resolved')),
      el('ul', { id: 'check-lines' }, ...r.lines.map((l: any) => el('li', {},
        `${l.input} → ${l.denomination} (CIS ${l.cis})`)))));
  }
  out.replaceChildren(...parts);
}

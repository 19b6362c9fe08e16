// The versions of the official sources the knowledge base holds
// (GET /v1/kb/snapshots, public), shown with their age at the foot of every
// page and offered as the versions to compare on "Évolutions".
import { get } from './api.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';

export interface Snapshots {
  snapshots: { source: string; version: string; imported_at: string }[];
  bdpm: string[];
  thesaurus: string[];
  vigie: string;
}

let cached: Promise<Snapshots | null> | null = null;

// The list, fetched once per page load; null when the KB is not loaded.
export function snapshots(): Promise<Snapshots | null> {
  if (!cached) cached = get('/v1/kb/snapshots').catch(() => null);
  return cached;
}

// "2023-09" or "2026-07-24" -> age in whole months (days under two months).
export function age(version: string, now = new Date()): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(version);
  if (!m) return '';
  const then = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  const days = Math.max(0, Math.floor((now.getTime() - then.getTime()) / 86_400_000));
  if (days < 60) return fill(t('age.days'), { n: days });
  return fill(t('age.months'), { n: Math.floor(days / 30.44) });
}

function newest(list: Snapshots, source: string): { version: string; imported_at: string } | null {
  const of = list.snapshots.filter((s) => s.source === source);
  return of.length ? of[of.length - 1] : null;
}

// The sources line: each source, its newest version, its age and import date.
export async function renderSources(target: HTMLElement): Promise<void> {
  const list = await snapshots();
  if (!list) {
    target.replaceChildren(`${t('sources')} : ${t('sources.unknown')}.`);
    return;
  }
  const parts: (Node | string)[] = [`${t('sources')} : `];
  for (const [source, label] of [['bdpm', 'sources.bdpm'], ['thesaurus', 'sources.thesaurus']]) {
    const s = newest(list, source);
    const text = s
      ? `${t(label)} ${s.version} (${age(s.version)}, ${t('sources.imported')} ${s.imported_at.slice(0, 10)})`
      : `${t(label)} : ${t('sources.none')}`;
    parts.push(el('span', { 'data-source': source }, text), ' · ');
  }
  parts.push(`Vigie ${list.vigie}.`);
  target.replaceChildren(...parts);
}

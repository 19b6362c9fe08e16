// UI strings in French (default) and English. Messages that come from the API
// (errors, findings, calculator interpretations, triage advice) are shown as
// the server words them, in the language the UI asks for (Accept-Language),
// so the UI and the API never say the same thing two ways.
import { STRINGS } from './strings.js';

export type Lang = 'fr' | 'en';

function stored(): Lang {
  try {
    return localStorage.getItem('vigie.lang') === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

let current: Lang = stored();

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem('vigie.lang', l);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = l;
}

export function t(key: string): string {
  const pair = STRINGS[key];
  if (!pair) return key;
  return current === 'en' ? pair[1] : pair[0];
}

// A {fr, en} object from the API, in the UI language (French when absent).
export function pick(text: { fr?: string; en?: string } | string | undefined | null): string {
  if (text === undefined || text === null) return '';
  if (typeof text === 'string') return text;
  return (current === 'en' ? text.en : text.fr) ?? text.fr ?? '';
}

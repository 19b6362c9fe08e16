// Screenshots of the web UI for docs/img/ and timings of the UI as a user
// sees it (page ready, check shown, answer shown), on the real server and KB.
// Not a test: run by hand after a UI change, then commit the PNGs.
//   VIGIE_BIN=build/release/src/cli/vigie node tests/web/screenshots.mjs [docs/img]
// Prints one JSON line of timings (milliseconds, median of 5) for docs/web.md.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { startVigie } from './harness.mjs';

const target = process.argv[2] || 'docs/img';
mkdirSync(target, { recursive: true });
const V = await startVigie();
if (!V.data) throw new Error('the screenshots need the official data (VIGIE_DATA)');
const timings = {};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}

async function time(name, runs, fn) {
  const xs = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  timings[name] = median(xs);
}

async function open(hash) {
  const page = await V.browser.newPage({ viewport: { width: 1000, height: 720 }, locale: 'fr-FR' });
  await page.goto(`${V.base}/#${hash}`);
  await page.fill('#token', V.token);
  await page.click('#signin-button');
  await page.waitForSelector('#page-title');
  return page;
}

// Viewport only: the PNGs stay near 100 KB (docs/img is in git).
async function shot(page, name) {
  await page.screenshot({ path: join(target, `${name}.png`) });
}

try {
  // From navigation to the page drawn with its sources line (one tab, the
  // browser cache warm after the first load, as for a clinician at work).
  const tab = await V.browser.newPage();
  await time('page_ready_ms', 5, async () => {
    await tab.goto('about:blank');
    await tab.goto(`${V.base}/#ordonnance`);
    await tab.waitForSelector('#sources [data-source="thesaurus"]');
  });
  await tab.close();

  let page = await open('ordonnance');
  // From the last keystroke to the suggestions drawn (250 ms of it is the debounce).
  const words = ['doliprane', 'kardegic', 'amoxicilline', 'metformine', 'levothyrox'];
  await page.focus('#rx-drug-2');
  await time('suggestions_shown_ms', 5, async (i) => {
    await page.fill('#rx-drug-2', words[i]);
    await page.waitForSelector('#drug-list-2 [role="option"]', { state: 'visible' });
  });
  await page.fill('#rx-drug-2', '');
  await page.keyboard.press('Escape');
  await page.fill('#p-age', '72');
  await page.selectOption('#p-sex', 'F');
  await page.fill('#p-weight', '64');
  await page.focus('#rx-drug-1');
  await page.keyboard.type('warfarine', { delay: 30 });
  await page.waitForSelector('#drug-list-1 [role="option"]');
  await page.keyboard.press('ArrowDown');
  await shot(page, 'ordonnance-autocomplete');
  await page.keyboard.press('Enter');
  await page.fill('.rx-line[data-line="1"] .rx-dose', '5');
  await page.fill('.rx-line[data-line="1"] .rx-freq', '1');
  await page.fill('#rx-drug-2', 'aspirine 500');
  await page.fill('.rx-line[data-line="2"] .rx-dose', '500');
  await page.fill('.rx-line[data-line="2"] .rx-freq', '3');
  await time('check_shown_ms', 5, async () => {
    await page.evaluate(() => document.getElementById('check-result').replaceChildren());
    await page.click('#check-run');
    await page.waitForSelector('#check-version');
  });
  await page.locator('#check-result details').first().locator('summary').click();
  await page.locator('#check-result').scrollIntoViewIfNeeded();
  await shot(page, 'ordonnance');
  await page.close();

  page = await open('calc');
  await page.selectOption('#calc-select', 'cockcroft-gault');
  const f = 'form[data-calc="cockcroft-gault"]';
  for (const [name, value] of [['age', '81'], ['weight_kg', '52'], ['creatinine_umol_l', '130']]) {
    const input = page.locator(`${f} [name="${name}"], ${f} [name="${name}_years"]`).first();
    if (await input.count()) await input.fill(value);
  }
  const sex = page.locator(`${f} select[name="sex"]`);
  if (await sex.count()) await sex.selectOption('F');
  await page.click(`${f} button[type="submit"]`);
  await page.waitForSelector('#calc-result > *');
  await page.locator('#calc-result').scrollIntoViewIfNeeded();
  await shot(page, 'calc');
  await page.close();

  page = await open('question');
  await page.fill('#question-text', 'Does aspirin reduce the risk of colorectal cancer?');
  await time('answer_shown_ms', 5, async () => {
    await page.evaluate(() => document.getElementById('question-result').replaceChildren());
    await page.click('#question-form button[type="submit"]');
    await page.waitForSelector('.answer-sentence, #question-abstained');
  });
  if (await page.locator('.chip').count()) await page.locator('.chip').first().click();
  await shot(page, 'question');
  await page.close();

  page = await open('deid');
  await page.fill('#deid-text', 'Mme Jeanne Martin, née le 12/03/1950, vue le 04/02/2024 à Lyon. Tél. 06 12 34 56 78.');
  await page.click('#deid-form button[type="submit"]');
  await page.waitForSelector('#deid-output');
  await shot(page, 'deid');
  await page.close();

  page = await open('evolutions');
  await page.fill('#evo-substance', 'méthotrexate');
  await page.click('#evo-form button[type="submit"]');
  await page.waitForSelector('#evo-summary, #evo-pending');
  // Without the regulation-watch route the committed screenshot is kept.
  if (await page.isVisible('#evo-summary')) await shot(page, 'evolutions');
  else console.error('GET /v1/changes absent: docs/img/evolutions.png left as it is');
  await page.close();

  page = await open('urgence');
  await page.fill('#triage-text', "je n'arrive plus à respirer");
  await page.click('#triage-run');
  await page.waitForSelector('#triage-result [data-level]');
  await shot(page, 'urgence');
  await page.close();
  console.log(JSON.stringify(timings));
} finally {
  await V.stop();
}

// Browser test of the web UI: starts the real `vigie serve`, drives Debian's
// chromium with playwright-core, and checks pages against the real API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const bin = process.env.VIGIE_BIN;
let server;
let browser;
let base;
let dir;
let clinicianToken;

async function signedInPage() {
  const page = await browser.newPage();
  await page.goto(base + '/');
  await page.fill('#token', clinicianToken);
  await page.click('#signin-button');
  return page;
}

before(async () => {
  assert.ok(bin, 'VIGIE_BIN is set by CTest');
  dir = mkdtempSync(join(tmpdir(), 'vigie-ui-'));
  // Keys and tokens live in the test folder; the server inherits them.
  process.env.VIGIE_TOKENS_FILE = join(dir, 'tokens.json');
  process.env.VIGIE_MASTER_KEY_FILE = join(dir, 'master.key');
  process.env.VIGIE_KEYS_DIR = join(dir, 'keys');
  const created = JSON.parse(execFileSync(bin, ['tokens', 'create', '--role', 'clinician', '--json'],
    { encoding: 'utf8' }));
  clinicianToken = created.token;
  assert.ok(clinicianToken);
  server = spawn(bin, ['serve', '--port', '0', '--json', '--access-log', 'off',
    '--audit-log', join(dir, 'audit.jsonl')], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const m = text.match(/"url":\s*"([^"]+)"/);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`vigie serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('French by default, English toggle', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/');
  assert.equal(await page.textContent('#nav-ordonnance'), 'Ordonnance');
  await page.click('#lang-toggle');
  assert.equal(await page.textContent('#nav-ordonnance'), 'Prescription');
  await page.click('#lang-toggle');
  await page.close();
});

test('without a token, clinician pages say so instead of failing silently', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/#calc');
  await page.waitForSelector('[role="alert"]');
  assert.ok((await page.textContent('[role="alert"]')).length > 0);
  await page.close();
});

test('calculator form from the registry computes BMI with its source', async () => {
  const page = await signedInPage();
  await page.goto(base + '/#calc');
  await page.selectOption('#calc-select', 'bmi');
  await page.fill('form[data-calc="bmi"] input[name="weight_kg"]', '70');
  await page.fill('form[data-calc="bmi"] input[name="height_cm"]', '175');
  await page.click('form[data-calc="bmi"] button[type="submit"]');
  // 70 / 1.75^2 = 22.857... -> 22.9 at the calculator's one decimal.
  const value = await page.textContent('[data-result="bmi"] .value');
  assert.match(value, /^22\.9 kg\/m2$/);
  assert.match(await page.textContent('[data-result="bmi"]'), /WHO/);
  await page.screenshot({ path: join(dir, 'calc.png') });
  await page.close();
});

test('out-of-range input shows the API message, not a number', async () => {
  const page = await signedInPage();
  await page.goto(base + '/#calc');
  await page.selectOption('#calc-select', 'bmi');
  await page.fill('form[data-calc="bmi"] input[name="weight_kg"]', '70');
  await page.fill('form[data-calc="bmi"] input[name="height_cm"]', '999');
  await page.click('form[data-calc="bmi"] button[type="submit"]');
  const alert = await page.textContent('#calc-result [role="alert"]');
  assert.match(alert, /height_cm/);
  await page.close();
});

test('public mode: breathing difficulty says call 15', async () => {
  const page = await browser.newPage();
  await page.goto(base + '/#urgence');
  await page.fill('#triage-text', "je n'arrive plus à respirer");
  await page.click('#triage-run');
  await page.waitForSelector('#triage-result [data-level]');
  assert.equal(await page.getAttribute('#triage-result [data-level]', 'data-level'), 'emergency');
  assert.match(await page.textContent('#triage-result'), /15/);
  await page.close();
});

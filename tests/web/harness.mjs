// Shared set-up of the browser tests and the screenshot script: a real
// knowledge base imported from the official data (BDPM 2026-01 + 2026-07,
// ANSM thesaurus 2020-10 and 2023-09), a real evidence index of the PubMedQA
// corpus, a clinician token, the real `vigie serve`, and Debian's chromium
// driven by playwright-core. Without the official data the KB-dependent tests
// skip (the server then runs without a KB).
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export function dataDir() {
  const dir = process.env.VIGIE_DATA || resolve(process.cwd(), '..', 'shared', 'data');
  return existsSync(join(dir, 'bdpm', '2026-01')) ? dir : '';
}

function vigie(bin, args, env) {
  return execFileSync(bin, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'] });
}

// Starts everything; returns {base, token, dir, data, browser, server, stop()}.
export async function startVigie({ keepDir = false } = {}) {
  const bin = process.env.VIGIE_BIN;
  if (!bin) throw new Error('VIGIE_BIN must name the vigie binary (CTest sets it)');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ui-'));
  const env = {
    ...process.env,
    VIGIE_TOKENS_FILE: join(dir, 'tokens.json'),
    VIGIE_MASTER_KEY_FILE: join(dir, 'master.key'),
    VIGIE_KEYS_DIR: join(dir, 'keys'),
    VIGIE_DB: join(dir, 'kb.sqlite'),
    VIGIE_EVIDENCE_INDEX: join(dir, 'evidence'),
  };
  const data = dataDir();
  if (data) {
    const imports = ['--bdpm', join(data, 'bdpm', '2026-01'), '--bdpm', join(data, 'bdpm', '2026-07'),
      '--thesaurus', join(data, 'ansm-thesaurus', '2020-10'),
      '--thesaurus', join(data, 'ansm-thesaurus', '2023-09')];
    vigie(bin, ['--json', 'kb', 'import', ...imports], env);
    vigie(bin, ['--json', 'evidence', 'index', '--input',
      join(data, 'literature', 'pubmedqa', 'corpus.jsonl')], env);
  }
  const token = JSON.parse(vigie(bin, ['tokens', 'create', '--role', 'clinician', '--json'], env)).token;
  const audit = join(dir, 'audit.jsonl');
  const server = spawn(bin, ['serve', '--port', '0', '--json', '--access-log', 'off',
    '--audit-log', audit], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const base = await new Promise((ok, fail) => {
    let text = '';
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const m = text.match(/"url":\s*"([^"]+)"/);
      if (m) ok(m[1]);
    });
    server.on('exit', (code) => fail(new Error(`vigie serve exited with ${code}`)));
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--lang=fr-FR', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base, token, dir, data, browser, server, audit,
    async stop() {
      await browser.close();
      server.kill('SIGTERM');
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Where screenshots of a test run go (the build tree under CTest).
export function outputDir() {
  const dir = process.env.VIGIE_TEST_OUTPUT || join(tmpdir(), 'vigie-ui-output');
  mkdirSync(dir, { recursive: true });
  return dir;
}

// axe-core injected into the page: the serious and critical violations.
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

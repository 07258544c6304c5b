#!/usr/bin/env node
// Renders every ```mermaid block of a Markdown file with the real Mermaid library in headless
// Chromium, so a diagram that would show "Syntax error" on GitHub fails a test instead.
//
// usage: node render-check.mjs FILE.md [--screenshots DIR] [--text]
//   --screenshots DIR  writes block-NN.png per block (a person can look at the diagrams)
//   --text             prints the text each diagram shows (to check what labels really say)
// exit: 0 every block rendered; 1 a block failed, no block found, or the page logged an error;
//       2 usage or setup problem (file, Chromium or Mermaid missing)
//
// No network at run time: Mermaid comes from node_modules, every request that is not file: or
// data: is aborted and reported.

import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const MERMAID_JS = join(here, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
const CHROMIUM = process.env.MERMAID_CHECK_CHROMIUM || '/usr/bin/chromium';
const BLOCK_TIMEOUT_MS = 20000;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node render-check.mjs FILE.md [--screenshots DIR] [--text]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { file: null, screenshots: null, text: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshots') {
      if (i + 1 >= argv.length) usage('--screenshots needs a directory');
      opts.screenshots = resolve(argv[++i]);
    } else if (a === '--text') {
      opts.text = true;
    } else if (a.startsWith('-')) {
      usage(`unknown option ${a}`);
    } else if (opts.file === null) {
      opts.file = resolve(a);
    } else {
      usage(`unexpected argument ${a}`);
    }
  }
  if (opts.file === null) usage();
  return opts;
}

/** The ```mermaid fenced blocks of a Markdown text, with the line each starts on (1-based). */
export function extractBlocks(markdown) {
  const lines = markdown.split(/\r?\n/);
  const blocks = [];
  let current = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (current === null) {
      const open = /^ {0,3}(`{3,}|~{3,})\s*mermaid\s*$/.exec(line);
      if (open) current = { fence: open[1], line: i + 2, body: [] };
    } else if (new RegExp(`^ {0,3}${current.fence[0]}{${current.fence.length},}\\s*$`).test(line)) {
      blocks.push({ line: current.line, code: current.body.join('\n'), closed: true });
      current = null;
    } else {
      current.body.push(line);
    }
  }
  if (current !== null) blocks.push({ line: current.line, code: current.body.join('\n'), closed: false });
  return blocks;
}

function firstLine(code) {
  const line = code.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('%%')) || '';
  return line.trim().slice(0, 80);
}

// Mermaid's logger styles its messages ("%c12.345 : ERROR : color: orange ...") and appends a
// stack; the parse error itself is already printed once, so one line of each is enough.
function oneLine(text) {
  const first = String(text).split('\n')[0].replace(/%c/g, '').replace(/\s*color: \w+\s*/, ' ').trim();
  return first.length > 200 ? `${first.slice(0, 200)}...` : first;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(opts.file)) usage(`no such file: ${opts.file}`);
  if (!existsSync(MERMAID_JS)) usage(`Mermaid is not installed (${MERMAID_JS}); run scripts/install-mermaid-check.sh`);
  if (!existsSync(CHROMIUM)) usage(`Chromium not found at ${CHROMIUM}; run scripts/install-mermaid-check.sh`);

  const blocks = extractBlocks(await readFile(opts.file, 'utf8'));
  if (blocks.length === 0) {
    console.log(`FAIL ${opts.file}: no \`\`\`mermaid block found`);
    process.exit(1);
  }
  if (opts.screenshots) await mkdir(opts.screenshots, { recursive: true });

  const profile = await mkdtemp(join(tmpdir(), 'mermaid-check-'));
  const pageFile = join(profile, 'page.html');
  await writeFile(pageFile, '<!doctype html><html><head><meta charset="utf-8"></head>'
    + '<body style="margin:0;background:#fff"><div id="stage" style="display:inline-block;padding:8px"></div>'
    + `<script src="${pathToFileURL(MERMAID_JS).href}"></script></body></html>`);

  let context;
  let failures = 0;
  const pageErrors = [];
  let currentBlock = 0;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1600, height: 1200 },
      offline: true,
    });
    const page = context.pages()[0] || (await context.newPage());
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      pageErrors.push({ block: currentBlock, text: `blocked network request: ${url}` });
      return route.abort();
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push({ block: currentBlock, text: msg.text() });
    });
    page.on('pageerror', (err) => pageErrors.push({ block: currentBlock, text: String(err && err.message || err) }));

    await page.goto(pathToFileURL(pageFile).href);
    await page.evaluate(() => {
      window.mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        suppressErrorRendering: true,
        theme: 'default',
        logLevel: 'error',
      });
    });
    const { version } = JSON.parse(await readFile(join(here, 'node_modules', 'mermaid', 'package.json'), 'utf8'));
    console.log(`mermaid ${version}: ${blocks.length} block(s) in ${opts.file}`);

    for (let i = 0; i < blocks.length; i++) {
      currentBlock = i + 1;
      const block = blocks[i];
      const label = `block ${currentBlock} (line ${block.line}) "${firstLine(block.code)}"`;
      const errorsBefore = pageErrors.length;
      if (!block.closed) {
        failures++;
        console.log(`FAIL ${label}: the fence is never closed`);
        continue;
      }
      let result;
      try {
        result = await withTimeout(page.evaluate(async ({ code, id }) => {
          const stage = document.getElementById('stage');
          stage.innerHTML = '';
          try {
            await window.mermaid.parse(code);
            const { svg } = await window.mermaid.render(id, code);
            stage.innerHTML = svg;
            const el = stage.querySelector('svg');
            // Mermaid sizes the SVG to its container (width 100%, max-width); draw it at the
            // size of its viewBox so the size reported and the screenshot are the diagram's own
            const vb = el.viewBox && el.viewBox.baseVal;
            if (vb && vb.width > 0) {
              el.style.maxWidth = 'none';
              el.setAttribute('width', String(vb.width));
              el.setAttribute('height', String(vb.height));
            }
            const box = el.getBoundingClientRect();
            const texts = [...el.querySelectorAll('text, foreignObject')]
              .map((n) => n.textContent.replace(/\s+/g, ' ').trim())
              .filter((t) => t !== '');
            return { ok: true, width: Math.round(box.width), height: Math.round(box.height), bytes: svg.length, texts };
          } catch (e) {
            return { ok: false, error: String((e && (e.message || e.str)) || e) };
          }
        }, { code: block.code, id: `mermaid-check-${currentBlock}` }), BLOCK_TIMEOUT_MS, 'rendering');
      } catch (e) {
        result = { ok: false, error: String(e.message || e) };
      }
      const newErrors = pageErrors.slice(errorsBefore);
      if (!result.ok) {
        failures++;
        console.log(`FAIL ${label}: ${result.error.trim().split('\n').join('\n     ')}`);
      } else if (result.width === 0 || result.height === 0) {
        failures++;
        console.log(`FAIL ${label}: rendered an empty SVG (${result.width}x${result.height})`);
      } else {
        console.log(`ok   ${label}: ${result.width}x${result.height} px, ${result.bytes} bytes of SVG`);
        if (opts.text) for (const t of result.texts) console.log(`       text: ${t}`);
        if (opts.screenshots) {
          const png = join(opts.screenshots, `block-${String(currentBlock).padStart(2, '0')}.png`);
          await page.locator('#stage').screenshot({ path: png });
          console.log(`       screenshot: ${png}`);
        }
      }
      for (const e of newErrors) {
        failures++;
        console.log(`FAIL ${label}: console error: ${oneLine(e.text)}`);
      }
    }
    // errors logged outside any block (while loading Mermaid)
    for (const e of pageErrors.filter((x) => x.block === 0)) {
      failures++;
      console.log(`FAIL page: console error: ${oneLine(e.text)}`);
    }
  } finally {
    if (context) await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  if (failures > 0) {
    console.log(`${failures} problem(s) in ${opts.file}`);
    process.exit(1);
  }
  console.log(`all ${blocks.length} block(s) rendered`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`render-check: ${e && e.stack || e}`);
    process.exit(2);
  });
}

#!/usr/bin/env node
// Opens every page of an InfraDoc site (site/) from the folder, over file://, in Debian's Chromium
// (playwright-core from ../mermaid/node_modules), and checks what a reader would hit:
//   - no console error, page error, dialog (alert) or network request on any page
//   - every diagram drawn to an SVG by the bundled Mermaid (no pre.diagram-error left)
//   - every internal link points to a file of the site, and its #fragment to an element there
//   - nothing injected: scripts only the site's own files, no on* attribute, no iframe/object/embed,
//     no javascript: link, no <img> outside a Mermaid SVG
//   - with --search Q --expect T: typing Q in the search box lists T, and following it lands on it
//
// usage: node site-check.mjs SITE_DIR [--screenshots DIR] [--search Q --expect T]
// exit: 0 all good; 1 a check failed; 2 usage or setup problem

import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'mermaid', 'package.json'));
const CHROMIUM = process.env.MERMAID_CHECK_CHROMIUM || '/usr/bin/chromium';
const PAGE_TIMEOUT_MS = 30000;
const ASSET_SCRIPTS = ['assets/search-index.js', 'assets/mermaid.min.js', 'assets/site.js'];

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node site-check.mjs SITE_DIR [--screenshots DIR] [--search Q --expect T]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { site: null, screenshots: null, search: null, expect: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--screenshots') opts.screenshots = resolve(next());
    else if (a === '--search') opts.search = next();
    else if (a === '--expect') opts.expect = next();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.site === null) opts.site = resolve(a);
    else usage(`unexpected argument ${a}`);
  }
  if (opts.site === null) usage();
  if ((opts.search === null) !== (opts.expect === null)) usage('--search and --expect go together');
  return opts;
}

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

function shotName(site, file) {
  return relative(site, file).split(sep).join('__').replace(/\.html$/, '.png');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(opts.site, 'index.html'))) usage(`no index.html in ${opts.site}`);
  if (!existsSync(CHROMIUM)) usage(`Chromium not found at ${CHROMIUM}; run scripts/install-mermaid-check.sh`);
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (e) {
    usage('playwright-core is not installed; run scripts/install-mermaid-check.sh');
  }
  if (opts.screenshots) await mkdir(opts.screenshots, { recursive: true });

  const pages = htmlFiles(opts.site);
  const problems = [];
  const fail = (where, what) => problems.push(`FAIL ${where}: ${what}`);
  const idsByFile = new Map();
  const links = [];
  const profile = await mkdtemp(join(tmpdir(), 'site-check-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, offline: true, viewport: { width: 1400, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--allow-file-access-from-files'],
    });
    const page = context.pages()[0] || (await context.newPage());
    let current = '';
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      fail(current, `network request: ${url}`);
      return route.abort();
    });
    page.on('console', (msg) => { if (msg.type() === 'error') fail(current, `console error: ${msg.text().split('\n')[0]}`); });
    page.on('pageerror', (err) => fail(current, `page error: ${String(err && err.message || err).split('\n')[0]}`));
    page.on('dialog', async (d) => { fail(current, `dialog opened: ${d.type()} ${d.message()}`); await d.dismiss(); });

    let diagrams = 0;
    for (const file of pages) {
      current = relative(opts.site, file);
      await page.goto(pathToFileURL(file).href);
      try {
        await page.waitForSelector('body[data-diagrams="done"]', { timeout: PAGE_TIMEOUT_MS });
      } catch (e) {
        fail(current, 'diagrams were not finished within the time limit');
      }
      const r = await page.evaluate((assets) => {
        const root = document.body.getAttribute('data-root') || '';
        const allowed = assets.map((a) => new URL(root + a, document.location.href).href);
        const bad = [];
        document.querySelectorAll('script').forEach((s) => {
          const src = s.getAttribute('src');
          if (!src) bad.push('an inline script element');
          else if (!allowed.includes(new URL(src, document.location.href).href)) bad.push(`script ${src}`);
        });
        document.querySelectorAll('*').forEach((el) => {
          for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`<${el.localName} ${a.name}>`);
        });
        document.querySelectorAll('iframe, object, embed, frame, base, form').forEach((el) => bad.push(`<${el.localName}>`));
        document.querySelectorAll('img').forEach((el) => { if (!el.closest('svg')) bad.push('<img> outside a diagram'); });
        document.querySelectorAll('a[href]').forEach((a) => { if (/^\s*javascript:/i.test(a.getAttribute('href'))) bad.push('javascript: link'); });
        const sources = document.querySelectorAll('pre.mermaid-source').length;
        const drawn = document.querySelectorAll('div.diagram-svg > svg').length;
        const empty = [...document.querySelectorAll('div.diagram-svg > svg')].filter((s) => { const b = s.getBoundingClientRect(); return b.width === 0 || b.height === 0; }).length;
        const errors = document.querySelectorAll('pre.diagram-error').length;
        const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        const hrefs = [...document.querySelectorAll('a[href]')].map((a) => ({ raw: a.getAttribute('href'), abs: a.href }));
        return { bad, sources, drawn, empty, errors, csp: csp && csp.getAttribute('content'), ids, hrefs, title: document.title };
      }, ASSET_SCRIPTS);
      r.bad.forEach((b) => fail(current, `injected or unexpected: ${b}`));
      if (!r.csp || !r.csp.includes("script-src 'self'")) fail(current, 'no strict Content-Security-Policy');
      if (r.drawn !== r.sources) fail(current, `${r.sources} diagram(s), ${r.drawn} drawn as SVG`);
      if (r.empty > 0) fail(current, `${r.empty} diagram(s) drawn empty`);
      if (r.errors > 0) fail(current, `${r.errors} diagram(s) failed`);
      diagrams += r.drawn;
      idsByFile.set(resolve(file), new Set(r.ids));
      r.hrefs.forEach((h) => links.push({ from: current, ...h }));
      if (opts.screenshots) await page.screenshot({ path: join(opts.screenshots, shotName(opts.site, file)), fullPage: true });
      console.log(`ok   ${current}: "${r.title}", ${r.drawn} diagram(s), ${r.hrefs.length} link(s)`);
    }

    // links: every internal one to an existing page of the site and an existing #fragment there
    let checked = 0;
    for (const l of links) {
      const url = new URL(l.abs);
      if (url.protocol !== 'file:') { fail(l.from, `link leaves the site: ${l.raw}`); continue; }
      const target = resolve(fileURLToPath(url));
      if (!target.startsWith(opts.site + sep) && target !== opts.site) { fail(l.from, `link outside the site folder: ${l.raw}`); continue; }
      if (!existsSync(target)) { fail(l.from, `broken link: ${l.raw}`); continue; }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !(idsByFile.get(target) || new Set()).has(fragment)) {
        fail(l.from, `link to a missing anchor: ${l.raw}`);
        continue;
      }
      checked++;
    }
    console.log(`links: ${checked} of ${links.length} resolve`);

    if (opts.search !== null) {
      current = 'search';
      await page.goto(pathToFileURL(join(opts.site, 'index.html')).href);
      await page.fill('#search', opts.search);
      const results = await page.$$eval('#search-results a', (as) => as.map((a) => ({ text: a.textContent, href: a.href })));
      const hit = results.find((r) => r.text.includes(opts.expect));
      if (!hit) {
        fail('search', `"${opts.search}" did not list "${opts.expect}" (got: ${results.map((r) => r.text).join(' | ') || 'nothing'})`);
      } else {
        if (opts.screenshots) await page.screenshot({ path: join(opts.screenshots, 'search.png') });
        await page.click(`#search-results a >> nth=${results.indexOf(hit)}`);
        await page.waitForLoadState('load');
        const landed = new URL(page.url());
        const anchorOk = !landed.hash || await page.$(`[id="${landed.hash.slice(1)}"]`) !== null;
        const text = anchorOk && landed.hash ? await page.$eval(`[id="${landed.hash.slice(1)}"]`, (e) => e.textContent) : '';
        if (!anchorOk) fail('search', `result leads to a missing anchor: ${page.url()}`);
        else if (landed.hash && !text.includes(opts.expect)) fail('search', `result leads to ${page.url()}, which does not show "${opts.expect}"`);
        else console.log(`ok   search "${opts.search}": "${hit.text}" -> ${relative(opts.site, fileURLToPath(landed))}${landed.hash}`);
      }
    }
    console.log(`${pages.length} page(s), ${diagrams} diagram(s) drawn`);
  } finally {
    if (context) await context.close();
    await rm(profile, { recursive: true, force: true });
  }
  if (problems.length > 0) {
    problems.forEach((p) => console.log(p));
    console.log(`${problems.length} problem(s) in ${opts.site}`);
    process.exit(1);
  }
  console.log('site ok');
}

main().catch((e) => {
  console.error(`site-check: ${e && e.stack || e}`);
  process.exit(2);
});

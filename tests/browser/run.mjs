// Every page of the example site in a real browser (Debian's chromium,
// driven by playwright-core), served under a sub-path as the portal does:
// - axe-core with the WCAG 2.0/2.1/2.2 A and AA rules: no violation;
// - the Nu Html Checker (vnu-jar): no error;
// - no request leaves the site;
// - each page's weight (HTML + CSS + JS + fonts, uncompressed) within budget;
// - screenshots at 390×844 of the main pages, kept in target/browser/;
// - offline: after a visit online, pages open from the service worker's
//   copy with its notice, a rebuild is seen after one visit online, and
//   `loa serve` registers no worker.
// Usage: node run.mjs   (LOA_BIN: the loa binary, default target/debug/loa;
// LOA_PAGES: a regex, to check only the pages whose path matches)
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const loa = process.env.LOA_BIN || join(repo, "target", "debug", "loa");
const artifacts = join(repo, "target", "browser");
const BASE = "/vneid/";
// Bytes of HTML + CSS + JS + fonts a typical page may make the phone download.
const BUDGET = 30 * 1024;
// Pages whose size is their content, with their own stated budget (the path
// without its language prefix): a campaign's plan page carries its whole
// plan document (the campaign's own page is a summary within the common
// budget), the points index every point, the schedule and its month pages
// up to 200 events.
const BUDGETS = [
  [/^campaigns\/[^/]+\/plan\/$/, 64 * 1024],
  [/^points\/$/, 60 * 1024],
  [/^schedule\//, 60 * 1024],
];
const budgetOf = (rel) => {
  const path = rel.replace(/^(en|km)\//, "");
  return (BUDGETS.find(([re]) => re.test(path)) || [null, BUDGET])[1];
};

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".geojson": "application/geo+json", ".xml": "application/xml",
  ".ics": "text/calendar", ".csv": "text/csv", ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".pdf": "application/pdf",
  ".mp3": "audio/mpeg", ".woff2": "font/woff2",
};

const out = mkdtempSync(join(tmpdir(), "loa-browser-"));
const site = join(out, "public");
// Offline as a phone is: Playwright's offline mode does not reach a service
// worker's own requests in every Chromium (148 lets them through), so the
// server also stops answering while the reader is offline.
let unreachable = false;
const setOffline = (ctx, offline) => {
  unreachable = offline;
  return ctx.setOffline(offline);
};
// A poor connection: each path of `dropOnce` times out the first time it
// is asked for, as the portal's proxy answers (a connection closed without
// an answer is asked again by Chromium itself). Every path asked for is
// counted in `asked`.
const dropOnce = new Set();
const asked = new Map();
const server = createServer((req, res) => {
  if (unreachable) {
    req.socket.destroy();
    return;
  }
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  asked.set(path, (asked.get(path) || 0) + 1);
  if (dropOnce.delete(path)) {
    res.writeHead(504, { "content-type": "text/plain" }).end("Gateway Timeout");
    return;
  }
  if (!path.startsWith(BASE) || path.split("/").includes("..")) {
    // A page of the portal outside the site (and out of its worker's reach).
    res.writeHead(404, { "content-type": types[".html"] }).end("<!doctype html><title>Portal</title>");
    return;
  }
  let file = join(site, path.slice(BASE.length));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) {
    res.writeHead(404, { "content-type": types[".html"] }).end(readFileSync(join(site, "404.html")));
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// The site as the portal has it, built from the sources under `root`.
const buildSite = (root) => spawnSync(loa, ["build", "--root", root, "--output", site, "--base-url", origin + BASE,
  "--now", "2026-05-01T08:00:00+07:00"], { encoding: "utf-8" });
const built = buildSite(repo);
if (built.status !== 0) {
  console.error(built.stderr);
  process.exit(1);
}

function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []);
}
// LOA_PAGES=regex checks only the pages whose path matches (while working on a few).
const only = new RegExp(process.env.LOA_PAGES || "");
const pages = htmlFiles(site).map((f) => relative(site, f).replace(/index\.html$/, "")).filter((p) => only.test(p)).sort();
const failures = [];
const fail = (page, what) => failures.push(`${page || "/"}: ${what}`);

// The Nu Html Checker, on every page at once.
const vnu = spawnSync("java", ["-jar", join(repo, "tests/browser/node_modules/vnu-jar/build/dist/vnu.jar"),
  "--errors-only", "--format", "json", "--skip-non-html", site], { encoding: "utf-8", maxBuffer: 64 << 20 });
if (vnu.error) fail("", `vnu did not run: ${vnu.error.message}`);
for (const m of JSON.parse(vnu.stderr || "{\"messages\":[]}").messages) {
  if (m.type === "error") fail(relative(site, fileURLToPath(m.url)), `HTML: ${m.message} (line ${m.lastLine})`);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
// Without the service worker: each page is weighed as a first visit.
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN",
  serviceWorkers: "block" });
const axeSource = readFileSync(join(repo, "tests/browser/node_modules/axe-core/axe.min.js"), "utf-8");
// axe-core's WCAG 2.0–2.2 A and AA violations on the page as it is now.
// One violation as a line of the report, with the first elements at fault.
const axeProblem = (v) => `axe ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")})`;
async function axeViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  }));
  return result.violations;
}
mkdirSync(artifacts, { recursive: true });
const shots = { home: "", campaign: "campaigns/", guides: "guides/", guide: "guides/", points: "points/", schedule: "schedule/" };
const firstUnder = (dir) => pages.find((p) => p.startsWith(dir) && p !== dir && !p.includes("print"));
const weights = [];

async function check(rel) {
  const page = await context.newPage();
  const sizes = [];
  // Routing also turns the cache off: every page pays for its CSS and JS.
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (!url.startsWith(origin)) {
      fail(rel, `request leaves the site: ${url}`);
      return route.abort();
    }
    return route.continue();
  });
  page.on("response", (r) => {
    const kind = r.request().resourceType();
    if (["document", "stylesheet", "script", "font"].includes(kind)) {
      // A redirect has no body.
      sizes.push(r.body().then((b) => b.length, () => 0));
    }
  });
  const response = await page.goto(origin + BASE + rel, { waitUntil: "load" });
  const status = response ? response.status() : 0;
  if (status !== 200 && rel !== "404.html") fail(rel, `HTTP ${status}`);
  await page.waitForLoadState("networkidle");
  const weight = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  const refresh = await page.$('meta[http-equiv="refresh"]');
  if (!refresh) {
    for (const v of await axeViolations(page)) fail(rel, axeProblem(v));
    const budget = budgetOf(rel);
    weights.push([rel, weight]);
    if (weight > budget) fail(rel, `weighs ${weight} bytes, budget ${budget}`);
  }
  for (const [name, dir] of Object.entries(shots)) {
    const wanted = name === "campaign" || name === "guide" ? firstUnder(dir) : dir;
    if (rel === wanted) await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
  }
  await page.close();
}

// Two pages at a time: one per core of the machines this runs on.
let next = 0;
const worker = async () => {
  while (next < pages.length) await check(pages[next++]);
};
await Promise.all([worker(), worker()]);
// The phone's first screen of the home page, in every language: each
// campaign's whole title (its place is at the end), every item of the menu,
// and the way to the nearest point without scrolling.
for (const rel of ["", "en/", "km/"]) {
  const page = await context.newPage();
  await page.goto(origin + BASE + rel, { waitUntil: "networkidle" });
  const titles = await page.$$eval(".campaign-lines a", (as) =>
    as.map((a) => ({ text: a.textContent, cut: a.scrollWidth > a.clientWidth || getComputedStyle(a).textOverflow === "ellipsis" })));
  if (titles.length === 0) fail(rel, "the home page lists no campaign on 2026-05-01");
  for (const t of titles.filter((t) => t.cut)) fail(rel, `campaign title cut on a phone: ${t.text}`);
  // Every item of the menu seen, none off the side of the screen.
  const hidden = await page.$$eval(".site-nav a", (as) =>
    as.filter((a) => a.getBoundingClientRect().right > document.documentElement.clientWidth).map((a) => a.textContent));
  if (hidden.length) fail(rel, `menu items off the side of a phone's screen: ${hidden.join(", ")}`);
  const start = await page.$eval(".button.start", (b) => b.getBoundingClientRect().bottom);
  if (start > 844) fail(rel, `the nearest-point button ends at ${Math.round(start)} px, below the first screen (844 px)`);
  await page.close();
}
// Search: Vietnamese typed without marks (đ as d), a Khmer word inside a
// phrase; each query's expected page among the first results. What a query
// fetches (index shards and result descriptions) has its own budget.
const QUERY_BUDGET = 48 * 1024;
const searches = [
  ["search/", "kich hoat muc 2", "guides/kich-hoat-tai-khoan-muc-2/", 1],
  // The campaign for children's ID cards, and the loudspeaker script that
  // says "trẻ" without "em".
  ["search/", "can cuoc tre em", "campaigns/chon-thanh-cao-diem-can-cuoc-2026/", 1],
  ["search/", "can cuoc tre em", "outreach/loa-can-cuoc-tre-em-chon-thanh/", 3],
  ["search/", "duong hai ba trung", "points/ca-ninh-kieu/", 1],
  ["en/search/", "activate level 2", "en/guides/kich-hoat-tai-khoan-muc-2/", 1],
  ["km/search/", "ម្រាមដៃ", "km/guides/kich-hoat-tai-khoan-muc-2/", 3],
  ["km/search/", "បើកដំណើរការគណនី", "km/guides/kich-hoat-tai-khoan-muc-2/", 1],
  // Typed in another language's script: found in that language.
  ["search/", "បើកដំណើរការគណនី", "km/guides/kich-hoat-tai-khoan-muc-2/", 1],
  ["en/search/", "tích hợp bảo hiểm y tế", "guides/tich-hop-bhyt-gplx/", 1],
];
for (const [rel, query, expected, within] of searches) {
  const page = await context.newPage();
  let fetched = 0;
  page.on("response", (r) => {
    if (r.request().resourceType() === "fetch") r.body().then((b) => { fetched += b.length; }, () => {});
  });
  await page.goto(origin + BASE + rel, { waitUntil: "networkidle" });
  // Typed as a reader types, so the page answers as they type.
  await page.locator("#q").pressSequentially(query, { delay: 20 });
  const found = await page.waitForSelector(".search-list a", { timeout: 5000 }).then(() => true, () => false);
  const links = found ? await page.$$eval(".search-list a", (as) => as.map((a) => a.getAttribute("href"))) : [];
  const rank = links.indexOf(BASE + expected) + 1;
  const status = await page.textContent(".search-status");
  if (rank < 1 || rank > within) {
    fail(rel, `search "${query}": ${expected} is ${rank ? "result " + rank : "not found"}, wanted within ${within} (${status}; ${links.slice(0, 3).join(", ")})`);
  }
  await page.waitForLoadState("networkidle");
  if (fetched > QUERY_BUDGET) fail(rel, `search "${query}" fetches ${fetched} bytes, budget ${QUERY_BUDGET}`);
  for (const v of await axeViolations(page)) fail(rel, `with results, ${axeProblem(v)}`);
  if (query === searches[0][1]) await page.screenshot({ path: join(artifacts, "search.png") });
  console.log(`search "${query}": ${expected} is result ${rank} of ${links.length} shown; ${fetched} bytes fetched`);
  await page.close();
}
// Results in another language than the page's say which.
{
  const page = await context.newPage();
  await page.goto(origin + BASE + "search/?q=" + encodeURIComponent("គណនី"), { waitUntil: "networkidle" });
  await page.waitForSelector(".search-list a", { timeout: 5000 }).catch(() => null);
  const label = await page.$eval(".search-list li .search-lang", (e) => e.lang + " " + e.textContent).catch(() => null);
  if (label !== "km ខ្មែរ") fail("search/", `a Khmer result on the Vietnamese page is labelled ${label}`);
  await page.close();
}
// A link to the search page with ?q= answers at once.
{
  const page = await context.newPage();
  await page.goto(origin + BASE + "search/?q=" + encodeURIComponent("tich hop bhyt"), { waitUntil: "networkidle" });
  const first = await page.waitForSelector(".search-list a", { timeout: 5000 }).then((a) => a.getAttribute("href"), () => null);
  if (first !== BASE + "guides/tich-hop-bhyt-gplx/") fail("search/", `?q=tich hop bhyt: first result ${first}`);
  await page.close();
}

// Posters print on one sheet of A4 or A3, portrait or landscape.
const posters = pages.filter((p) => /^((en|km)\/)?(posters\/[^/]+|(campaigns|wards)\/[^/]+\/poster)\/$/.test(p));
if (posters.length < 2) fail("", `only ${posters.length} posters`);
for (const rel of posters) {
  const page = await context.newPage();
  await page.goto(origin + BASE + rel, { waitUntil: "networkidle" });
  for (const format of ["A4", "A3"]) {
    for (const landscape of [false, true]) {
      const pdf = (await page.pdf({ format, landscape, printBackground: true })).toString("latin1");
      const sheets = (pdf.match(/\/Type\s*\/Page(?!s)/g) || []).length;
      if (sheets !== 1) fail(rel, `prints on ${sheets} ${format} ${landscape ? "landscape" : "portrait"} sheets`);
    }
  }
  // Nothing cut off at the sheet's edge (the poster hides its overflow).
  await page.emulateMedia({ media: "print" });
  for (const [width, height] of [[794, 1123], [1123, 794]]) {
    await page.setViewportSize({ width, height });
    const cut = await page.evaluate(() => {
      const poster = document.querySelector(".poster");
      const bottom = poster.getBoundingClientRect().bottom + 1;
      return [...poster.querySelectorAll("*")]
        .filter((e) => e.getClientRects().length && e.getBoundingClientRect().bottom > bottom)
        .map((e) => e.className || e.tagName);
    });
    if (cut.length) fail(rel, `cut off when printed ${width > height ? "landscape" : "portrait"}: ${cut.slice(0, 3).join(", ")}`);
  }
  await page.close();
}
// How the first poster looks on A4 paper.
if (posters.length) {
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await page.goto(origin + BASE + posters[0], { waitUntil: "networkidle" });
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(artifacts, "poster-a4.png") });
  await page.close();
}
console.log(`${posters.length} posters print on one sheet of A4 and A3, portrait and landscape`);

await savedOnPoorConnection();
await offline();
await browser.close();
server.closeAllConnections();
server.close();
rmSync(out, { recursive: true, force: true });

weights.sort((a, b) => b[1] - a[1]);
console.log(`${pages.length} pages checked; heaviest: ` +
  weights.slice(0, 3).map(([p, w]) => `${p || "/"} ${(w / 1024).toFixed(1)} KB`).join(", "));
console.log(`screenshots in ${relative(repo, artifacts)}/`);
if (failures.length) {
  console.error(failures.join("\n"));
  console.error(`${failures.length} problems`);
  process.exit(1);
}
// Nothing left to wait for (a timer of the offline section could keep node up).
process.exit(0);

// On a poor connection a page of the list is lost on the first visit: the
// list is not saved as done, and the next visit saves that page alone, not
// every page again.
async function savedOnPoorConnection() {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  const page = await ctx.newPage();
  const list = origin + BASE + "offline.json";
  const listed = JSON.parse(readFileSync(join(site, "offline.json"), "utf-8")).pages
    .filter((p) => p !== "" && !p.startsWith("km/") && !p.startsWith("en/"));
  const lost = listed.find((p) => p.startsWith("guides/"));
  const cached = () => page.evaluate(async ([list, urls]) => {
    const names = (await caches.keys()).filter((n) => n.startsWith("loa"));
    const c = names.length && await caches.open(names[0]);
    return { list: !!(c && await c.match(list)), saved: c ? (await Promise.all(urls.map((u) => c.match(u)))).filter(Boolean).length : 0 };
  }, [list, listed.map((p) => origin + BASE + p)]);
  const until = async (done) => {
    for (let i = 0; i < 150; i++) {
      const now = await cached();
      if (done(now)) return now;
      await page.waitForTimeout(200);
    }
    return cached();
  };
  asked.clear();
  dropOnce.add(BASE + lost);
  await page.goto(origin + BASE, { waitUntil: "load" });
  const first = await until((n) => n.saved === listed.length - 1);
  if (first.list || first.saved !== listed.length - 1) {
    fail(lost, `a page lost on a poor connection: list saved ${first.list}, ${first.saved} of ${listed.length} pages saved (${listed.length - 1} expected)`);
  }
  await page.reload({ waitUntil: "load" });
  const second = await until((n) => n.list);
  if (!second.list || second.saved !== listed.length) fail(lost, `the next visit did not save what was lost: ${JSON.stringify(second)}`);
  const again = listed.filter((p) => p !== lost && asked.get(BASE + p) !== 1);
  if (again.length) fail(lost, `the next visit asked again for ${again.length} pages saved before, e.g. ${again[0]}`);
  if (asked.get(BASE + lost) !== 2) fail(lost, `asked ${asked.get(BASE + lost)} times, 2 expected`);
  await ctx.close();
  console.log(`offline on a poor connection: ${listed.length} pages saved, the one lost saved alone at the next visit`);
}

// Reading offline, as a citizen does: a visit online in a language, then no
// network. The site is built again from a copy of its content to see that a
// changed text reaches the saved copy after one visit online.
async function offline() {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  let page = await ctx.newPage();
  // The site's caches, with whether each has the list of `prefix`, saved last.
  const savedList = (prefix) => page.evaluate(async (list) => {
    for (const name of await caches.keys()) {
      if (await (await caches.open(name)).match(list)) return name;
    }
    return null;
  }, origin + BASE + prefix + "offline.json");
  const waitSaved = async (prefix, not) => {
    for (let i = 0; i < 150; i++) {
      const name = await savedList(prefix);
      if (name && name !== not) return name;
      await page.waitForTimeout(200);
    }
    fail(prefix, "the pages of this language were not saved for reading offline");
    return null;
  };
  for (const prefix of ["", "km/"]) {
    await page.goto(origin + BASE + prefix, { waitUntil: "load" });
    await waitSaved(prefix);
  }
  const office = pages.find((p) => /^points\/ca-[^/]+\/$/.test(p));
  const guide = "guides/kich-hoat-tai-khoan-muc-2/";
  const opened = async (rel, shot) => {
    const response = await page.goto(origin + BASE + rel, { waitUntil: "load" }).catch((e) => e);
    if (response instanceof Error || !response || response.status() !== 200) {
      fail(rel, `offline: ${response instanceof Error ? response.message.split("\n")[0] : response && response.status()}`);
      return "";
    }
    const note = await page.locator(".offline-note").textContent({ timeout: 3000 }).catch(() => null);
    if (!note || !/\d/.test(note)) fail(rel, `offline: no notice with the date it was saved (${note})`);
    if (shot) await page.screenshot({ path: join(artifacts, `offline-${shot}.png`) });
    return page.locator("main").textContent();
  };
  await setOffline(ctx, true);
  for (const prefix of ["", "km/"]) {
    for (const rel of [office, "schedule/", guide]) {
      await opened(prefix + rel, rel === guide ? (prefix ? "km" : "vi") : "");
    }
  }
  for (const v of await axeViolations(page)) fail(guide, `offline notice, ${axeProblem(v)}`);
  await setOffline(ctx, false);

  // A rebuild with a changed guide: one visit online to the home page saves
  // the new version (a new worker), and the guide reads changed offline.
  const root = mkdtempSync(join(tmpdir(), "loa-offline-"));
  cpSync(join(repo, "content"), join(root, "content"), { recursive: true });
  const changed = "Hướng dẫn này vừa được cập nhật.";
  const guideFile = join(root, "content", "guides", "kich-hoat-tai-khoan-muc-2.md");
  writeFileSync(guideFile, `${readFileSync(guideFile, "utf-8")}\n\n${changed}\n`);
  const rebuilt = buildSite(root);
  if (rebuilt.status !== 0) fail("", `the rebuild failed: ${rebuilt.stderr}`);
  const version = (readFileSync(join(site, "sw.js"), "utf-8").match(/version:.([0-9a-f]+)/) || [])[1];
  await page.goto(origin + BASE, { waitUntil: "load" });
  // Bounded on this side too: a page's script can wait forever on a worker.
  const within = (promise, ms) => Promise.race([promise.catch(() => null), new Promise((ok) => setTimeout(() => ok(null), ms))]);
  const watch = (v, list) => page.evaluate(async ([v, list, scope]) => {
    for (let i = 0; i < 300; i++) {
      const names = (await caches.keys()).filter((n) => n.startsWith("loa"));
      // Saving: the new version's cache exists. In charge: the old one's
      // is gone (deleted as the new worker is activated), the list saved.
      if (!list ? names.some((n) => n.endsWith(v))
        : names.length === 1 && names[0].endsWith(v) && await (await caches.open(names[0])).match(list)) return "";
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const reg = await navigator.serviceWorker.getRegistration(scope);
    const worker = reg && reg.installing ? "installing" : reg && reg.waiting ? "waiting" : "not updating";
    return `caches ${(await caches.keys()).join(", ")}; new worker ${worker}`;
  }, [v, list, origin + BASE]);
  const saving = await within(watch(version, null), 70000);
  if (saving !== "") fail("", `after a rebuild, one visit online did not start saving version ${version}: ${saving ?? "no answer"}`);
  // The reader leaves the page: the old worker is done with it, and the new
  // one takes over once it has saved every language saved before. (While a
  // page it served stays open, Chromium may keep the old one for minutes.)
  // Watched from outside the site, where no worker of it serves the page.
  await page.close();
  page = await ctx.newPage();
  await page.goto(origin + "/", { waitUntil: "load" });
  const inCharge = await within(watch(version, origin + BASE + "offline.json"), 70000);
  if (inCharge !== "") fail("", `after a rebuild and a visit online, version ${version} was not put in charge: ${inCharge ?? "no answer"}`);
  // The reader comes back later, without signal.
  await page.close();
  page = await ctx.newPage();
  await setOffline(ctx, true);
  const text = (await opened(guide, "")) || "";
  if (!text.includes(changed)) fail(guide, "offline after a rebuild and a visit online: the page saved before the rebuild");
  await setOffline(ctx, false);
  await ctx.close();

  // `loa serve` registers no worker: its pages reload live.
  const serve = spawn(loa, ["serve", "--root", root, "--port", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  const url = await new Promise((ok) => {
    let said = "";
    serve.stdout.on("data", (d) => {
      said += d;
      const m = said.match(/http:\/\/\S+/);
      if (m) ok(m[0]);
    });
    // It prints its address once the first build is done.
    setTimeout(() => ok(null), 300000);
  });
  if (!url) fail("", "loa serve did not start");
  else {
    const preview = await browser.newPage();
    await preview.goto(url, { waitUntil: "load" });
    await preview.waitForTimeout(1000);
    const workers = await preview.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
    if (workers !== 0) fail("", `loa serve registers ${workers} service worker(s)`);
    await preview.close();
  }
  serve.kill();
  rmSync(root, { recursive: true, force: true });
  console.log("offline: office, schedule and guide open in vi and km with the notice; a rebuild is seen after one visit online");
}

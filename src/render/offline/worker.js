// The site's service worker, written by `loa build` (src/render/offline/).
// Pages: from the network first; after WAIT ms without an answer, or offline,
// the copy saved at the last visit, with a notice of when it was saved in its
// head (`meta[name=loa-saved]`, shown by js/offline.js). Styles and scripts:
// the saved copy. What each language saves, and the words of its notice, are
// in its `offline.json`, saved when a page of that language asks. The cache
// is named by this build's version: a new build replaces it at the next
// visit online. Short names, since it is sent as written, comments aside:
// c a cache, r a response, u a URL, p a path under the base.
const SITE = __SITE__;
const B = SITE.base;
const CACHE = "loa" + B + SITE.version;
// Pages staff print or check: never saved.
const NEVER = /^(translations\/|(.+\/)?posters?\/|.+\/print\/$)/;
const WAIT = 3000;
const list = (lang) => B + SITE.langs[lang] + "offline.json";

// `r` with the time it was saved.
function stamped(r) {
  const headers = new Headers(r.headers);
  headers.set("x-loa-saved", new Date().toISOString());
  return r.blob().then((body) => new Response(body, { headers }));
}

function save(c, u) {
  return fetch(u, { cache: "no-cache" }).then((r) => {
    if (!r.ok) throw Error(u);
    return stamped(r).then((s) => c.put(u, s));
  });
}

// Saves every page of `lang`'s list, then the list, which says it is done.
// A page this version saved before is kept: on a poor connection, where a
// page or two fail each time, every visit saves only what is still missing.
function fill(lang) {
  const u = list(lang);
  return caches.open(CACHE).then((c) => c.match(u).then((done) => done || fetch(u, { cache: "no-cache" }).then((r) => {
    if (!r.ok) throw Error(u);
    return r.clone().json().then((about) =>
      Promise.all(about.pages.map((p) => c.match(B + p).then((had) => had || save(c, B + p))))
        .then(() => c.put(u, r)));
  })));
}

self.addEventListener("install", (e) => {
  self.skipWaiting();
  // The languages an earlier version saved are saved again, fresh.
  e.waitUntil(caches.open(CACHE).then((c) => Promise.all(SITE.assets.map((a) => save(c, B + a)))).then(() =>
    Promise.all(Object.keys(SITE.langs).map((lang) => caches.match(list(lang)).then((had) => had && fill(lang))))));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys().then((names) => Promise.all(names
    .filter((n) => n.startsWith("loa" + B) && n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (e) => {
  if (e.data in SITE.langs) e.waitUntil(fill(e.data).catch(() => {}));
});

// The saved copy `r` of the page at `p`, with its notice in the page's
// language (the longest prefix), the date as the site writes dates.
function marked(r, c, p) {
  const lang = Object.keys(SITE.langs).filter((l) => p.startsWith(SITE.langs[l]))
    .sort((a, b) => SITE.langs[b].length - SITE.langs[a].length)[0];
  const d = new Date(r.headers.get("x-loa-saved"));
  const words = c.match(list(lang)).then((l) => l.json()).catch(() => ({}));
  return Promise.all([r.text(), words]).then(([html, w]) => {
    const two = (n) => (n < 10 ? "0" : "") + n;
    const parts = { "%-d": d.getDate(), "%d": two(d.getDate()), "%m": two(d.getMonth() + 1),
      "%Y": d.getFullYear(), "%B": d.toLocaleString(lang, { month: "long" }) };
    const date = (w.date_format || "%Y-%m-%d").replace(/%-?[dmYB]/g, (k) => parts[k]) +
      " " + two(d.getHours()) + ":" + two(d.getMinutes());
    const note = (w.note || "{date}").replace("{date}", date).replace(/[&"<]/g, (ch) => "&#" + ch.charCodeAt(0) + ";");
    return new Response(html.replace(/<head[^>]*>/i, (h) => h + '<meta name="loa-saved" content="' + note + '">'),
      { headers: r.headers });
  });
}

function page(e, u) {
  const p = u.pathname.slice(B.length);
  return caches.open(CACHE).then((c) => {
    const net = fetch(e.request);
    // Saved even when it comes too late to be shown: the next visit has it.
    e.waitUntil(net.then((r) => r.ok && !NEVER.test(p) && stamped(r.clone()).then((s) => c.put(u.href, s)))
      .catch(() => {}));
    const late = new Promise((ok) => setTimeout(ok, WAIT));
    const saved = () => c.match(u.href).then((s) => (s ? marked(s, c, p) : net));
    return Promise.race([net, late]).then((r) => (r && r.status < 500 ? r : saved()), saved);
  });
}

self.addEventListener("fetch", (e) => {
  const q = e.request;
  const u = new URL(q.url);
  if (q.method !== "GET" || u.origin !== location.origin || !u.pathname.startsWith(B)) return;
  u.search = u.hash = "";
  e.respondWith(q.mode === "navigate" ? page(e, u)
    : caches.open(CACHE).then((c) => c.match(u.href)).then((s) => s || fetch(q)));
});

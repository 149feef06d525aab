// Search over the index that `loa build` writes to search/ (see
// src/render/search/). Only the shards holding the words typed are fetched,
// then the descriptions of the results shown. Words are made exactly as the
// index made them: lower case, Vietnamese marks removed, đ read as d, Khmer
// as pairs of characters. Without JavaScript the page lists the sections.
// Words typed in another language's script (Khmer on the Vietnamese page,
// Vietnamese with its marks on the English one) are looked up in that
// language's index, fetched only then, and its results say their language.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form || !window.fetch || !window.Promise || !"".normalize) return;
  var input = form.querySelector("input");
  var status = document.querySelector(".search-status");
  var results = document.querySelector(".search-results");
  var noscript = document.querySelector(".search-noscript");
  var data = form.dataset;
  var base = data.base, pageLang = data.lang;
  var langs = {};
  try { langs = JSON.parse(data.langs || "{}"); } catch (e) { langs = {}; }
  var own = { url: data.index, shards: +data.shards, chunk: +data.chunk, docs: +data.docs, lang: pageLang };
  var PAGE = 10, MAX_WORD = 40, SHARD_PREFIX = 3, EXPANSIONS = 30;
  var word;
  try {
    word = new RegExp("[\\p{L}\\p{N}\\p{M}]+", "gu");
  } catch (e) {
    word = /[^\s!-\/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f]+/g;
  }
  var cache = {};
  var asked = 0;

  function fold(s) {
    return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  }

  function isKhmer(c) {
    var n = c.codePointAt(0);
    return (n >= 0x1780 && n <= 0x17ff) || (n >= 0x19e0 && n <= 0x19ff);
  }

  // The words of a query, each with its terms as src/render/search/terms.rs
  // makes them: a word of Vietnamese or English is one term, a Khmer run is
  // its pairs of characters.
  function words(text) {
    var out = [];
    (fold(text).match(word) || []).forEach(function (run) {
      var chars = Array.from(run), start = 0;
      for (var i = 0; i < chars.length; i++) {
        if (i + 1 < chars.length && isKhmer(chars[i + 1]) === isKhmer(chars[i])) continue;
        var part = chars.slice(start, i + 1);
        if (isKhmer(chars[i])) {
          var pairs = part.length === 1 ? [part[0]] : [];
          for (var k = 0; k + 1 < part.length; k++) pairs.push(part[k] + part[k + 1]);
          out.push({ terms: pairs, khmer: true });
        } else {
          out.push({ terms: [part.slice(0, MAX_WORD).join("")], khmer: false });
        }
        start = i + 1;
      }
    });
    return out;
  }

  // The language whose index a query is looked up in: Khmer letters are
  // Khmer, Vietnamese letters and tone marks Vietnamese, else the page's.
  function languageOf(text) {
    if (/[\u1780-\u17ff\u19e0-\u19ff]/.test(text)) return "km";
    if (/[ăâđêôơư]/.test(text.toLowerCase()) || /[\u0303\u0309\u0323]/.test(text.normalize("NFD"))) return "vi";
    return pageLang;
  }

  // The index of `lang`: the page's own, or another language's, whose size
  // its meta.json gives.
  function indexOf(lang) {
    if (lang === pageLang || !langs[lang]) return Promise.resolve(own);
    var url = langs[lang].url;
    return load(url + "meta.json").then(function (m) {
      return { url: url, shards: +m.shards, chunk: +m.chunk, docs: +m.docs, lang: lang };
    });
  }

  // FNV-1a of the first characters, as terms::shard.
  function shardOf(term, shards) {
    var h = 0x811c9dc5, chars = Array.from(term).slice(0, SHARD_PREFIX);
    chars.forEach(function (c) { h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0; });
    return (h % shards).toString(16);
  }

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(path).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  function format(template, n, q) {
    return template.replace("{n}", n).replace("{q}", q);
  }

  // The weight of each page holding one term (or, for the last word, a
  // word it begins), times the term's rarity.
  function postings(term, table, prefix, docs) {
    var variants = [[term, 1]];
    if (prefix) {
      Object.keys(table).filter(function (k) {
        return k !== term && k.indexOf(term) === 0;
      }).slice(0, EXPANSIONS).forEach(function (k) { variants.push([k, 0.5]); });
    }
    var best = {};
    variants.forEach(function (v) {
      var list = table[v[0]];
      if (!list) return;
      var idf = Math.log(1 + docs / (list.length / 2));
      // Each page's number counts from the one before.
      for (var p = 0, d = 0; p < list.length; p += 2) {
        d += list[p];
        var s = list[p + 1] * idf * v[1];
        if (!(best[d] >= s)) best[d] = s;
      }
    });
    return best;
  }

  // Pages ranked for the query: the sum of its words' weights, times the
  // share of the words a page holds, squared. A Khmer word is in a page when
  // all its pairs are. Pages missing more than one word (any word, for one
  // or two words) are left out unless no page has them all.
  function rank(query, tables, ix) {
    var list = words(query), seen = {}, score = {}, count = {}, wanted = 0;
    var open = !/\s$/.test(query);
    list.forEach(function (w, i) {
      var key = w.terms.join(" ");
      if (seen[key]) return;
      seen[key] = true;
      wanted++;
      var prefix = open && i === list.length - 1 && !w.khmer && Array.from(w.terms[0]).length >= SHARD_PREFIX;
      var found = null;
      w.terms.forEach(function (t) {
        var got = postings(t, tables[shardOf(t, ix.shards)] || {}, prefix, ix.docs), next = {};
        Object.keys(got).forEach(function (d) {
          if (found === null) next[d] = got[d];
          else if (d in found) next[d] = Math.min(found[d], got[d]);
        });
        found = next;
      });
      Object.keys(found).forEach(function (d) {
        score[d] = (score[d] || 0) + found[d];
        count[d] = (count[d] || 0) + 1;
      });
    });
    var all = Object.keys(count).map(Number);
    var least = wanted <= 2 ? wanted : wanted - 1;
    var chosen = all.filter(function (d) { return count[d] >= least; });
    var partial = !all.some(function (d) { return count[d] === wanted; });
    if (!chosen.length) chosen = all;
    var final = {};
    chosen.forEach(function (d) {
      var share = count[d] / wanted;
      final[d] = score[d] * share * share;
    });
    chosen.sort(function (a, b) { return (final[b] - final[a]) || (a - b); });
    return { docs: chosen, partial: partial };
  }

  function show(ranked, from, q, token, ix) {
    var page = ranked.docs.slice(from, from + PAGE);
    var chunks = {}, chunk = ix.chunk;
    page.forEach(function (d) { chunks[Math.floor(d / chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return load(ix.url + "d/" + c + ".json").then(function (rows) { chunks[c] = rows; });
    })).then(function () {
      if (token !== asked) return;
      var list = results.querySelector("ol");
      if (!list) {
        list = document.createElement("ol");
        list.className = "search-list";
        results.appendChild(list);
      }
      page.forEach(function (d) {
        var row = chunks[Math.floor(d / chunk)][d % chunk];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = base + row[0];
        a.textContent = row[1];
        var textLang = row[4] || ix.lang;
        if (textLang === pageLang) textLang = "";
        if (textLang) a.lang = textLang;
        var h = document.createElement("h2");
        h.appendChild(a);
        li.appendChild(h);
        var label = textLang && langs[textLang] ? langs[textLang].name : "";
        if (row[2] || label) {
          var section = document.createElement("p");
          section.className = "meta";
          if (row[2]) {
            var name = document.createElement("span");
            name.textContent = row[2];
            if (ix.lang !== pageLang) name.lang = ix.lang;
            section.appendChild(name);
          }
          if (label) {
            var tag = document.createElement("span");
            tag.className = "search-lang";
            tag.lang = textLang;
            tag.textContent = label;
            if (row[2]) section.appendChild(document.createTextNode(" · "));
            section.appendChild(tag);
          }
          li.appendChild(section);
        }
        if (row[3]) {
          var snippet = document.createElement("p");
          snippet.textContent = row[3];
          if (textLang) snippet.lang = textLang;
          li.appendChild(snippet);
        }
        list.appendChild(li);
      });
      var more = results.querySelector(".search-more");
      if (more) more.remove();
      if (from + PAGE < ranked.docs.length) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "button search-more";
        more.textContent = data.more;
        more.addEventListener("click", function () {
          var next = list.children.length;
          show(ranked, next, q, token, ix).then(function () {
            var link = list.children[next] && list.children[next].querySelector("a");
            if (link) link.focus();
          });
        });
        results.appendChild(more);
      }
    });
  }

  function search(q) {
    var token = ++asked;
    results.textContent = "";
    var list = words(q);
    if (!list.length) {
      status.textContent = "";
      return Promise.resolve();
    }
    var tables = {}, ix;
    return indexOf(languageOf(q)).then(function (found) {
      ix = found;
      var needed = {};
      list.forEach(function (w) {
        w.terms.forEach(function (t) { needed[shardOf(t, ix.shards)] = true; });
      });
      return Promise.all(Object.keys(needed).map(function (s) {
        return load(ix.url + "t/" + s + ".json").then(function (table) { tables[s] = table; });
      }));
    }).then(function () {
      if (token !== asked) return;
      var ranked = rank(q, tables, ix);
      var shown = q.trim();
      if (!ranked.docs.length) {
        status.textContent = format(data.none, 0, shown);
        return;
      }
      status.textContent = ranked.partial
        ? format(data.partial, ranked.docs.length, shown)
        : format(data.found, ranked.docs.length, shown);
      return show(ranked, 0, shown, token, ix);
    }).catch(function () {
      if (token !== asked) return;
      status.textContent = data.error;
      noscript.hidden = false;
    });
  }

  noscript.hidden = true;
  var timer;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 200);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.replaceState(null, "", url);
    search(input.value);
  });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial);
  }
})();

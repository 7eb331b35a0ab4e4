// Static search over the index in search/ (see briefing.search.SearchIndex).
// Words are folded like the Java Analyzer: lower case, no diacritics, đ → d.
(function () {
  'use strict';
  var box = document.getElementById('search');
  if (!box) return;
  var form = box.querySelector('form');
  var input = form.querySelector('input[name=q]');
  var status = box.querySelector('.search-status');
  var list = box.querySelector('.search-results');
  var base = box.getAttribute('data-index');
  var root = box.getAttribute('data-root');
  var edition = box.getAttribute('data-edition');
  var langNames = JSON.parse(box.getAttribute('data-langs'));
  var PAGE = 10;
  var cache = {};
  box.hidden = false;

  // Index files are scripts that call briefingSearch.load(name, data): unlike fetch, a
  // script loads on a page opened from disk too.
  var waiting = {};
  window.briefingSearch = {
    load: function (name, data) { if (waiting[name]) waiting[name](data); }
  };
  function get(name) {
    if (!cache[name]) {
      cache[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var s = document.createElement('script');
        s.src = base + name + '.js';
        s.onload = function () { s.remove(); };
        s.onerror = function () { s.remove(); reject(new Error(base + name + '.js did not load')); };
        document.head.appendChild(s);
      });
    }
    return cache[name];
  }

  function fold(s) {
    return s.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd');
  }

  function tokens(s) {
    return (s.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) || []).map(function (w) {
      var exact = w.toLowerCase();
      return { exact: exact, folded: fold(exact) };
    });
  }

  function shardKey(folded) {
    return Array.from(folded).slice(0, 2).map(function (c) {
      return /[a-z0-9]/.test(c) ? c : '_' + c.codePointAt(0).toString(16);
    }).join('');
  }

  // Per document: how many query words it matches, how many of the words typed with
  // diacritics it has exactly so, and a weighted score; prefix matches count half.
  function rank(manifest, query, shards) {
    var docs = {};
    query.forEach(function (q, qi) {
      var shard = shards[qi];
      var seen = {};
      Object.keys(shard).forEach(function (folded) {
        var full = folded === q.folded;
        if (!full && (q.folded.length < 3 || folded.indexOf(q.folded) !== 0)) return;
        var variants = shard[folded];
        Object.keys(variants).forEach(function (exact) {
          var p = variants[exact];
          for (var i = 0; i < p.length; i += 2) {
            var d = docs[p[i]] || (docs[p[i]] = { id: p[i], words: 0, exact: 0, score: 0, hit: {} });
            d.score += p[i + 1] * (full ? 1 : 0.5);
            if (!d.hit[qi]) { d.hit[qi] = true; d.words++; }
            if (full && q.exact !== q.folded && exact === q.exact && !seen[p[i]]) { seen[p[i]] = true; d.exact++; }
          }
        });
      });
    });
    return Object.keys(docs).map(function (k) { return docs[k]; }).sort(function (a, b) {
      var ea = manifest.docs[a.id] === edition ? 0 : 1, eb = manifest.docs[b.id] === edition ? 0 : 1;
      return ea - eb || b.words - a.words || b.exact - a.exact || b.score - a.score || a.id - b.id;
    });
  }

  // A window of the text around the first match, matches marked; built as DOM nodes, never HTML.
  function snippet(text, query) {
    var folded = '', at = [];
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      for (var j = 0; j < f.length; j++) { folded += f[j]; at.push(i); }
    }
    at.push(text.length);
    var ranges = [];
    var word = /[\p{L}\p{N}\p{M}]+/gu, m;
    while ((m = word.exec(folded))) {
      var w = m[0];
      var hit = query.some(function (q) { return w === q.folded || (q.folded.length >= 3 && w.indexOf(q.folded) === 0); });
      if (hit) ranges.push([at[m.index], at[m.index + w.length]]);
    }
    var start = ranges.length ? Math.max(0, ranges[0][0] - 80) : 0;
    var end = Math.min(text.length, start + 240);
    var p = document.createElement('p');
    p.className = 'snippet';
    var pos = start;
    if (start > 0) p.appendChild(document.createTextNode('…'));
    ranges.forEach(function (r) {
      if (r[0] < pos || r[1] > end) return;
      p.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(r[0], r[1]);
      p.appendChild(mark);
      pos = r[1];
    });
    p.appendChild(document.createTextNode(text.slice(pos, end) + (end < text.length ? '…' : '')));
    return p;
  }

  function show(doc, query) {
    var li = document.createElement('li');
    li.className = 'result';
    li.lang = doc.lang;
    var a = document.createElement('a');
    a.href = root + doc.url;
    a.textContent = doc.title;
    var h = document.createElement('h2');
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement('p');
    meta.className = 'meta';
    meta.lang = edition;
    if (doc.date) {
      var time = document.createElement('time');
      time.dateTime = doc.date;
      time.textContent = new Intl.DateTimeFormat(edition, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(doc.date + 'T00:00:00Z'));
      meta.appendChild(time);
      meta.appendChild(document.createTextNode(' · '));
    }
    var lang = document.createElement('span');
    lang.className = 'lang-label';
    lang.textContent = langNames[doc.lang] || doc.lang;
    meta.appendChild(lang);
    li.appendChild(meta);
    li.appendChild(snippet(doc.text, query));
    return li;
  }

  function search(text) {
    var query = tokens(text);
    list.textContent = '';
    if (!query.length) { status.textContent = ''; return Promise.resolve(); }
    box.setAttribute('aria-busy', 'true');
    return get('index').then(function (manifest) {
      return Promise.all(query.map(function (q) {
        var key = shardKey(q.folded);
        return manifest.shards.indexOf(key) < 0 ? {} : get('t/' + key);
      })).then(function (shards) {
        var ranked = rank(manifest, query, shards);
        status.textContent = ranked.length
          ? box.getAttribute('data-results').replace('{0}', ranked.length)
          : box.getAttribute('data-none');
        // each file of d/ holds manifest.chunk documents
        return Promise.all(ranked.slice(0, PAGE).map(function (d) {
          return get('d/' + Math.floor(d.id / manifest.chunk)).then(function (docs) { return docs[d.id % manifest.chunk]; });
        }));
      });
    }).then(function (docs) {
      docs.forEach(function (doc) { list.appendChild(show(doc, query)); });
    }).catch(function (e) {
      status.textContent = box.getAttribute('data-failed');
      console.error(e);
    }).finally(function () {
      box.removeAttribute('aria-busy');
    });
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var q = input.value.trim();
    history.replaceState(null, '', q ? '?q=' + encodeURIComponent(q) : location.pathname);
    search(q);
  });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; search(initial); }
})();

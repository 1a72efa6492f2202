// Enhancements only: every page works without this script.
(function () {
  'use strict';

  // The page's phrases in its language (the layout writes them as JSON); a phrase not given stays in English.
  var phrases = {};
  try { phrases = JSON.parse(document.getElementById('phrases').textContent); } catch (e) { /* English */ }
  function t(key) {
    var args = arguments;
    return (phrases[key] || key).replace(/\{(\d)\}/g, function (m, i) { return String(args[Number(i) + 1]); });
  }

  // Copy buttons: <button data-copy="#element-id"> copies that element's text.
  document.addEventListener('click', async function (event) {
    var button = event.target.closest('[data-copy]');
    if (!button) return;
    var source = document.querySelector(button.getAttribute('data-copy'));
    if (!source) return;
    var text = source.tagName === 'INPUT' ? source.value : source.textContent.trim();
    var status = button.parentElement.querySelector('.copied');
    try {
      // A citation with italics goes to the clipboard as HTML too, so that a word processor keeps them.
      if (source.hasAttribute('data-rich') && window.ClipboardItem) {
        await navigator.clipboard.write([new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([source.innerHTML.trim()], { type: 'text/html' })
        })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      if (status) status.textContent = t('Copied');
    } catch (e) {
      if (source.tagName === 'INPUT') { source.select(); }
      if (status) status.textContent = t('Press Ctrl+C to copy');
    }
  });

  // Dialogs: <button data-dialog="#id"> (and links to #id) open the dialog as a modal. Browsers that know the
  // command attribute open it themselves; without any script the link shows the dialog's content in place (:target).
  var commands = 'command' in HTMLButtonElement.prototype;
  document.addEventListener('click', function (event) {
    var opener = event.target.closest('[data-dialog], a[href^="#"]');
    if (!opener) return;
    var selector = opener.getAttribute('data-dialog') || opener.getAttribute('href');
    var dialog = selector.length > 1 ? document.querySelector(selector) : null;
    if (!dialog || dialog.tagName !== 'DIALOG' || typeof dialog.showModal !== 'function') return;
    if (opener.tagName === 'BUTTON' && commands) return;
    event.preventDefault();
    dialog.showModal();
  });

  // Uploads of originals show their progress: the form is sent by a script that follows the bytes sent, and the
  // page that answers takes the place of this one's content. Without a script the form is sent as any form.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var bar = form.matches('form.upload') ? form.querySelector('progress') : null;
    if (!bar || !window.FormData) return;
    event.preventDefault();
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (p) {
      if (!p.lengthComputable) return;
      bar.hidden = false;
      bar.value = Math.round(p.loaded * 100 / p.total);
    });
    request.addEventListener('load', function () {
      var answer = new DOMParser().parseFromString(request.responseText, 'text/html');
      var main = answer.querySelector('main');
      if (main) document.querySelector('main').replaceWith(main); else location.reload();
    });
    request.addEventListener('error', function () { bar.hidden = true; form.submit(); });
    request.send(new FormData(form));
  });

  // The page viewer: an original's pages one at a time, with previous and next, zoom (a larger image of those kept)
  // and the keyboard (arrows, Home, End, + and -) while the viewer has the focus. Without a script the pages are a list.
  document.querySelectorAll('section.original ol.pages').forEach(function (list) {
    var pages = Array.prototype.slice.call(list.querySelectorAll('li.page'));
    if (pages.length === 0) return;
    var section = list.closest('section.original');
    var name = section.querySelector('h3') ? section.querySelector('h3').textContent : t('the original');
    var bar = document.createElement('div');
    bar.className = 'viewer';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', t('Pages of {0}', name));
    function button(label, data) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'quiet';
      b.textContent = label;
      b.setAttribute(data[0], data[1]);
      bar.appendChild(b);
      return b;
    }
    var previous = button(t('Previous page'), ['data-go', '-1']);
    var where = document.createElement('span');
    where.className = 'where';
    where.setAttribute('aria-live', 'polite');
    bar.appendChild(where);
    var next = button(t('Next page'), ['data-go', '1']);
    var zoomIn = button(t('Zoom in'), ['data-zoom', '1']);
    var zoomOut = button(t('Zoom out'), ['data-zoom', '-1']);
    list.parentNode.insertBefore(bar, list);
    list.classList.add('viewing');
    list.tabIndex = 0;
    list.setAttribute('aria-label', t('{0}: use the arrow keys to turn pages, + and - to zoom', name));
    var current = 0;
    var zoom = 0;

    function widthsOf(img) { return img.getAttribute('data-widths').split(',').map(Number).sort(function (a, b) { return a - b; }); }

    function show() {
      pages.forEach(function (page, i) { page.hidden = i !== current; });
      var img = pages[current].querySelector('img');
      var widths = widthsOf(img);
      var start = widths.indexOf(Number(img.getAttribute('width')));
      if (!img.hasAttribute('data-start')) img.setAttribute('data-start', String(start < 0 ? 0 : start));
      var base = Number(img.getAttribute('data-start'));
      var level = Math.min(widths.length - 1, Math.max(0, base + zoom));
      var full = img.getAttribute('data-full').split(',').map(Number);
      var width = widths[level];
      if (Number(img.getAttribute('width')) !== width || img.getAttribute('src').indexOf('/' + width + '.jpg') < 0) {
        img.setAttribute('src', img.getAttribute('data-base') + width + '.jpg');
        img.setAttribute('width', String(width));
        img.setAttribute('height', String(Math.max(1, Math.round(full[1] * width / full[0]))));
      }
      list.classList.toggle('zoomed', level > base);
      where.textContent = t('Page {0} of {1}', current + 1, pages.length);
      previous.disabled = current === 0;
      next.disabled = current === pages.length - 1;
      zoomIn.disabled = level === widths.length - 1;
      zoomOut.disabled = level === 0;
      // A button that has just been disabled loses the focus: it goes to the pages, where the keys still work.
      if (document.activeElement && document.activeElement.disabled) list.focus();
    }

    function go(by) { current = Math.min(pages.length - 1, Math.max(0, current + by)); show(); }

    function scale(by) {
      var img = pages[current].querySelector('img');
      var widths = widthsOf(img);
      var base = Number(img.getAttribute('data-start'));
      zoom = Math.min(widths.length - 1 - base, Math.max(-base, zoom + by));
      show();
    }

    bar.addEventListener('click', function (event) {
      var b = event.target.closest('button');
      if (!b) return;
      if (b.hasAttribute('data-go')) go(Number(b.getAttribute('data-go')));
      if (b.hasAttribute('data-zoom')) scale(Number(b.getAttribute('data-zoom')));
    });
    section.addEventListener('keydown', function (event) {
      if (event.target.closest('input, textarea, select')) return;
      var keys = { ArrowLeft: function () { go(-1); }, ArrowRight: function () { go(1); }, Home: function () { go(-pages.length); },
        End: function () { go(pages.length); }, '+': function () { scale(1); }, '=': function () { scale(1); }, '-': function () { scale(-1); } };
      if (!keys[event.key]) return;
      event.preventDefault();
      keys[event.key]();
    });
    show();
  });

  // Search as you type: the search box becomes a combobox (WAI-ARIA 1.2) offering titles, people, places and
  // organizations from /api/suggest; arrows move through them, Enter opens the one chosen, Escape closes the list.
  // Without a script the box is a plain search field.
  document.querySelectorAll('input[data-suggest]').forEach(function (input) {
    var list = document.createElement('ul');
    list.id = input.id + '-suggestions';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t('Suggestions'));
    list.hidden = true;
    input.parentElement.appendChild(list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    var kinds = { record: t('Record'), person: t('Person'), place: t('Place'), organization: t('Organization') };
    var items = [], active = -1, timer = null, asked = 0;

    function close() {
      list.hidden = true; list.textContent = ''; items = []; active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function mark(index) {
      active = index;
      items.forEach(function (li, i) { li.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      if (index >= 0) input.setAttribute('aria-activedescendant', items[index].id);
      else input.removeAttribute('aria-activedescendant');
    }
    function show(suggestions) {
      list.textContent = '';
      items = suggestions.map(function (s, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.url = s.url;
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = kinds[s.kind] || s.kind;
        var label = document.createElement('span');
        label.className = 'label';
        label.textContent = s.label;
        li.append(kind, ' ', label);
        if (s.detail) { var d = document.createElement('span'); d.className = 'detail'; d.textContent = s.detail; li.append(' ', d); }
        li.addEventListener('mousedown', function (e) { e.preventDefault(); location.href = s.url; });
        list.appendChild(li);
        return li;
      });
      active = -1;
      list.hidden = items.length === 0;
      input.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        var mine = ++asked;
        fetch('/api/suggest?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (answer) { if (mine === asked) show(answer.suggestions); })
          .catch(function () { close(); });
      }, 120);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && items.length) { event.preventDefault(); mark((active + 1) % items.length); }
      else if (event.key === 'ArrowUp' && items.length) { event.preventDefault(); mark(active <= 0 ? items.length - 1 : active - 1); }
      else if (event.key === 'Escape' && !list.hidden) { event.preventDefault(); close(); }
      else if (event.key === 'Enter' && active >= 0) { event.preventDefault(); location.href = items[active].dataset.url; }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  });

  // The reading list: records kept in this browser (localStorage), added and removed from their pages and from
  // /reading-list, whose citations are exported through /api/documents/citations. Nothing is sent until then.
  var readingKey = 'dossier.reading-list';
  function readingList() {
    try { return JSON.parse(localStorage.getItem(readingKey) || '[]').filter(function (r) { return r && r.id; }); } catch (e) { return []; }
  }
  function keepReadingList(list) {
    try { localStorage.setItem(readingKey, JSON.stringify(list)); } catch (e) { /* private mode: nothing kept */ }
    showReadingList();
  }
  function showReadingList() {
    var list = readingList();
    document.querySelectorAll('.reading-count').forEach(function (c) { c.textContent = list.length ? ' (' + list.length + ')' : ''; c.hidden = !list.length; });
    document.querySelectorAll('button[data-reading-list]').forEach(function (b) {
      var kept = list.some(function (r) { return String(r.id) === b.getAttribute('data-reading-list'); });
      b.setAttribute('aria-pressed', kept ? 'true' : 'false');
      b.textContent = kept ? t('On your reading list (remove)') : t('Add to reading list');
      b.hidden = false;
    });
    var page = document.querySelector('[data-reading-list-page]');
    if (!page) return;
    page.hidden = false;
    var ol = page.querySelector('ol');
    ol.textContent = '';
    list.forEach(function (r) {
      var li = document.createElement('li');
      var date = document.createElement('p'); date.className = 'date'; date.textContent = r.date || '';
      var h = document.createElement('h2'); var a = document.createElement('a'); a.href = '/documents/' + r.id; a.textContent = r.title; h.appendChild(a);
      var remove = document.createElement('button'); remove.type = 'button'; remove.className = 'quiet'; remove.textContent = t('Remove');
      remove.setAttribute('aria-label', t('Remove {0} from the reading list', r.title));
      remove.addEventListener('click', function () { keepReadingList(readingList().filter(function (x) { return x.id !== r.id; })); });
      li.append(date, h, remove);
      ol.appendChild(li);
    });
    page.querySelector('.empty').hidden = list.length > 0;
    page.querySelector('.export').hidden = list.length === 0;
    var ids = list.map(function (r) { return r.id; }).join(',');
    page.querySelectorAll('.export a[data-style]').forEach(function (a) {
      a.href = '/api/documents/citations?style=' + a.getAttribute('data-style') + '&ids=' + ids;
    });
  }
  document.addEventListener('click', function (event) {
    var add = event.target.closest('button[data-reading-list]');
    if (add) {
      var id = Number(add.getAttribute('data-reading-list'));
      var list = readingList();
      var kept = list.some(function (r) { return r.id === id; });
      keepReadingList(kept ? list.filter(function (r) { return r.id !== id; })
        : list.concat([{ id: id, title: add.getAttribute('data-title'), date: add.getAttribute('data-date') }]));
      var status = add.parentElement.querySelector('.copied');
      if (status) status.textContent = kept ? t('Removed from your reading list') : t('Added to your reading list');
      return;
    }
    if (event.target.closest('[data-reading-list-clear]')) keepReadingList([]);
  });
  window.addEventListener('storage', function (event) { if (event.key === readingKey) showReadingList(); });
  showReadingList();

  // Copy buttons and dialog buttons appear only where a script can use them.
  document.querySelectorAll('[data-copy], [data-dialog]').forEach(function (b) { b.hidden = false; });
})();

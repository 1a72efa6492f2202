// Enhancements only: every page works without this script.
(function () {
  'use strict';

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
      if (status) status.textContent = 'Copied';
    } catch (e) {
      if (source.tagName === 'INPUT') { source.select(); }
      if (status) status.textContent = 'Press Ctrl+C to copy';
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

  // Copy buttons and dialog buttons appear only where a script can use them.
  document.querySelectorAll('[data-copy], [data-dialog]').forEach(function (b) { b.hidden = false; });
})();

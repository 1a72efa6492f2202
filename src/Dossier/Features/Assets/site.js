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
      await navigator.clipboard.writeText(text);
      if (status) status.textContent = 'Copied';
    } catch (e) {
      if (source.tagName === 'INPUT') { source.select(); }
      if (status) status.textContent = 'Press Ctrl+C to copy';
    }
  });

  // Copy buttons appear only where a script can use them.
  document.querySelectorAll('[data-copy]').forEach(function (b) { b.hidden = false; });
})();

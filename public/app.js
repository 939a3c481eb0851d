// Copydesk's progressive enhancement for the review page: edit a segment by clicking it, save
// with Ctrl+Enter (or the button) without a full reload. Every form works without this script.
(function () {
  'use strict';

  function sectionOf(el) { return el.closest('section.segment'); }

  function openEditor(section) {
    var details = section.querySelector('details.edit-form');
    if (!details) return;
    details.open = true;
    var textarea = details.querySelector('textarea');
    if (textarea) { textarea.focus(); textarea.setSelectionRange(textarea.value.length, textarea.value.length); }
  }

  function showError(form, message) {
    var box = form.querySelector('.form-error');
    if (!box) {
      box = document.createElement('p');
      box.className = 'form-error';
      box.setAttribute('role', 'alert');
      form.appendChild(box);
    }
    box.textContent = message;
  }

  // True when `el` holds a choice the editor made and has not sent (a ticked flag, a typed reason,
  // text in a closed edit box): a refresh must not wipe it.
  function hasUnsentInput(el) {
    return Array.prototype.some.call(el.querySelectorAll('input, textarea, select'), function (c) {
      if (c.type === 'checkbox' || c.type === 'radio') return c.checked !== c.defaultChecked;
      if (c.tagName === 'SELECT') {
        // A list with no option marked selected starts on its first.
        var initial = Array.prototype.findIndex.call(c.options, function (o) { return o.defaultSelected; });
        return c.selectedIndex !== Math.max(initial, 0);
      }
      return c.type !== 'hidden' && c.value !== c.defaultValue;
    });
  }

  // After a save, flags, figures and corrections elsewhere on the page may have changed (a fixed
  // name clears flags in other segments): fetch the page once and swap in what changed, leaving
  // alone any segment whose edit box is open so nothing being typed is lost.
  function refreshPage() {
    fetch(location.pathname, { credentials: 'same-origin' }).then(function (res) {
      return res.ok ? res.text() : null;
    }).then(function (html) {
      if (!html) return;
      var doc = new DOMParser().parseFromString(html, 'text/html');
      // Every block of each kind, in order: both figure lists, the status and engine forms, the title.
      ['#flags', '.stats', '#corrections', 'form.status-form', '.article-head h1'].forEach(function (selector) {
        var currents = document.querySelectorAll(selector);
        var freshes = doc.querySelectorAll(selector);
        if (currents.length !== freshes.length) return;
        currents.forEach(function (current, i) {
          if (current.contains(document.activeElement) || hasUnsentInput(current)) return;
          current.replaceWith(document.importNode(freshes[i], true));
        });
      });
      // The segment that has the focus (the one just saved) is already the server's fresh copy:
      // replacing it would drop the focus to the page.
      var focused = document.activeElement && document.activeElement.closest ? document.activeElement.closest('section.segment') : null;
      doc.querySelectorAll('section.segment').forEach(function (fresh) {
        var current = document.getElementById(fresh.id);
        if (!current || current === focused || current.querySelector('details.edit-form[open]') || hasUnsentInput(current)) return;
        current.replaceWith(document.importNode(fresh, true));
      });
      document.documentElement.setAttribute('data-refreshed', String(Date.now()));
    }).catch(function () { /* the saved segment is already shown; the rest refreshes on the next load */ });
  }

  function save(form) {
    var section = sectionOf(form);
    if (!section || form.classList.contains('is-saving')) return;
    form.classList.add('is-saving');
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: 'POST',
      headers: { 'x-requested-with': 'fetch', 'content-type': 'application/x-www-form-urlencoded' },
      body: body,
      credentials: 'same-origin'
    }).then(function (res) {
      if (res.status === 409) {
        // Someone saved in between: let the server show both texts on the conflict page.
        form.classList.remove('is-saving');
        form.submit();
        return null;
      }
      if (!res.ok) {
        return res.json().then(function (data) { throw new Error(data && data.error ? data.error : 'The save failed (' + res.status + ').'); },
          function () { throw new Error('The save failed (' + res.status + '). Your text is still in the box.'); });
      }
      return res.text().then(function (html) {
        var template = document.createElement('template');
        template.innerHTML = html.trim();
        var fresh = template.content.firstElementChild;
        if (fresh) {
          section.replaceWith(fresh);
          fresh.setAttribute('tabindex', '-1');
          fresh.focus();
        }
        refreshPage();
      });
    }).catch(function (err) {
      form.classList.remove('is-saving');
      showError(form, err.message || 'The save failed; your text is still in the box.');
    });
  }

  // For live.js: a segment saved by someone else refreshes the page the way a save here does.
  window.Copydesk = window.Copydesk || {};
  window.Copydesk.refreshPage = refreshPage;
  window.Copydesk.hasUnsentInput = hasUnsentInput;

  document.addEventListener('click', function (event) {
    var target = event.target.closest && event.target.closest('[data-edit-target]');
    if (target) openEditor(sectionOf(target));
  });

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('save-form') || form.classList.contains('standalone')) return;
    event.preventDefault();
    save(form);
  });

  document.addEventListener('keydown', function (event) {
    var textarea = event.target;
    if (textarea.tagName !== 'TEXTAREA') return;
    var form = textarea.form;
    if (!form || !form.classList.contains('save-form')) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (form.classList.contains('standalone')) form.requestSubmit(); else save(form);
    } else if (event.key === 'Escape' && !form.classList.contains('standalone')) {
      textarea.value = textarea.defaultValue;
      var details = form.closest('details');
      if (details) details.open = false;
      // The box just closed: the focus goes back to its segment rather than to the page.
      var section = sectionOf(form);
      if (section) { section.setAttribute('tabindex', '-1'); section.focus(); }
    }
  });
})();

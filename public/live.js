// Copydesk's live updates on the review page (issue 13). When someone else saves a segment of
// this article, the segment and the figures follow without a reload; a note says who else has the
// article open. Text being typed is never touched: a segment whose edit box is open (or holds
// unsent text) only gets a notice, and saving it then goes through the conflict page as before.
// The server side is GET /articles/:id/events (src/web/routes/live.ts). Needs app.js (loaded
// first: both are deferred) for window.Copydesk.refreshPage.
(function () {
  'use strict';

  var match = /^\/articles\/(\d+)\/?$/.exec(location.pathname);
  var title = document.querySelector('.article-head h1');
  if (!match || !title || typeof EventSource === 'undefined') return;
  var streamUrl = '/articles/' + match[1] + '/events';
  // After the server refused the stream (429, or it was down), try again this much later (ms).
  var RETRY_CLOSED_MS = 30000;

  var app = window.Copydesk || {};
  var refreshPage = app.refreshPage || function () {};
  var hasUnsentInput = app.hasUnsentInput || function () { return false; };
  var me = (document.querySelector('.user-name') || {}).textContent || '';

  // "Also open by": a polite live region near the title, filled with textContent only.
  var region = document.createElement('div');
  region.className = 'live-presence';
  region.setAttribute('aria-live', 'polite');
  var note = document.createElement('p');
  note.className = 'notice';
  note.hidden = true;
  region.appendChild(note);
  title.insertAdjacentElement('afterend', region);

  function showPresence(others) {
    note.textContent = others.length ? 'Also open by: ' + others.join(', ') : '';
    note.hidden = others.length === 0;
  }

  function sectionAt(position) {
    return document.querySelector('section.segment[data-position="' + Number(position) + '"]');
  }

  // The revision this page shows of a segment.
  function revisionOf(section) {
    var meta = section.querySelector('.segment-meta[data-revision]');
    if (meta) return Number(meta.getAttribute('data-revision'));
    var base = section.querySelector('input[name=base]');
    return base ? Number(base.value) : 0;
  }

  // The editor is at work on the segment: its edit box is open, or holds text not yet saved.
  function isEditing(section) {
    return Boolean(section.querySelector('details.edit-form[open]')) || hasUnsentInput(section);
  }

  // A save of this segment from this page is under way: its answer brings the segment back, or a
  // conflict if someone saved first.
  function isSaving(section) {
    return Boolean(section.querySelector('form.is-saving'));
  }

  // Tells the editor, on the segment they are editing, that it was saved elsewhere.
  function warn(section, change) {
    section.setAttribute('data-live-stale', String(change.revision));
    var box = section.querySelector('.live-notice');
    if (!box) {
      box = document.createElement('p');
      box.className = 'notice live-notice';
      box.setAttribute('role', 'status');
      section.querySelector('.segment-meta').insertAdjacentElement('afterend', box);
    }
    var who = change.author && change.author === me ? 'You saved this segment in another window' : (change.author || 'Someone') + ' saved this segment';
    box.textContent = who + ' (rev. ' + change.revision + ') while you were editing it. Your text is kept: saving it shows both versions to choose from; Esc drops yours and shows theirs.';
  }

  var pending = {};
  var hasOtherChange = false;
  var timer = null;

  function schedule() {
    if (!timer) timer = setTimeout(update, 50);
  }

  function onSegment(change) {
    var section = sectionAt(change.position);
    if (!section || change.revision <= revisionOf(section) || isSaving(section)) return;
    if (isEditing(section)) return warn(section, change);
    pending[change.position] = change;
    schedule();
  }

  // Fetches the page once and swaps in the segments that changed (keeping the focus where it was),
  // then refreshes the figures, flags and the rest the way a save does (app.js).
  function update() {
    timer = null;
    var positions = Object.keys(pending);
    pending = {};
    var isOther = hasOtherChange;
    hasOtherChange = false;
    if (positions.length === 0) {
      if (isOther) refreshPage();
      return;
    }
    fetch(location.pathname, { credentials: 'same-origin' }).then(function (res) {
      return res.ok ? res.text() : null;
    }).then(function (html) {
      if (!html) return;
      var doc = new DOMParser().parseFromString(html, 'text/html');
      positions.forEach(function (position) {
        var current = sectionAt(position);
        var fresh = doc.querySelector('section.segment[data-position="' + Number(position) + '"]');
        if (!current || !fresh || isSaving(current)) return;
        // The editor opened it while the page was on its way: the notice instead.
        if (isEditing(current)) return warn(current, { position: Number(position), revision: revisionOf(fresh), author: '' });
        var hadFocus = current.contains(document.activeElement);
        var node = document.importNode(fresh, true);
        current.replaceWith(node);
        if (hadFocus) { node.setAttribute('tabindex', '-1'); node.focus(); }
      });
      document.documentElement.setAttribute('data-live-updated', String(Date.now()));
      refreshPage();
    }).catch(function () { /* the next event, or a reload, brings it */ });
  }

  // An edit box closed on a segment saved elsewhere (Esc, or its summary clicked with nothing
  // typed): now theirs is shown.
  document.addEventListener('toggle', function (event) {
    var details = event.target;
    if (!details.classList || !details.classList.contains('edit-form') || details.open) return;
    var section = details.closest('section.segment');
    if (!section || !section.hasAttribute('data-live-stale') || isEditing(section)) return;
    pending[section.getAttribute('data-position')] = { revision: Number(section.getAttribute('data-live-stale')) };
    schedule();
  }, true);

  function read(event) {
    try { return JSON.parse(event.data); } catch (e) { return null; }
  }

  function connect() {
    var source = new EventSource(streamUrl);
    // On every (re)connection: the newest revision of each saved segment, to catch up on any
    // saved while the page loaded or the stream was down.
    source.addEventListener('state', function (event) {
      var data = read(event);
      if (data && data.segments) data.segments.forEach(onSegment);
    });
    source.addEventListener('segment', function (event) {
      var data = read(event);
      if (data) onSegment(data);
    });
    source.addEventListener('article', function () {
      hasOtherChange = true;
      schedule();
    });
    source.addEventListener('presence', function (event) {
      var data = read(event);
      if (data && data.others) showPresence(data.others);
    });
    source.addEventListener('error', function () {
      // The browser reconnects by itself after a dropped stream; not after a refusal.
      if (source.readyState !== EventSource.CLOSED) return;
      showPresence([]);
      setTimeout(connect, RETRY_CLOSED_MS);
    });
  }
  connect();
})();

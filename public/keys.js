// Copydesk's keyboard review (issue 13): single keys on the review page to walk the flags and the
// segments, apply, dismiss and edit, listed in the "?" dialog (views/articles/_keys.ejs) and the
// README from one table (src/web/view-models/review-keys.ts). Each key only moves the focus, opens
// a link or presses a form the page already has, so every action still works without this script.
(function () {
  'use strict';

  /** How long after `g` a `c` still counts as "g then c" (ms). */
  var SEQUENCE_MS = 1500;
  /** How long a message of the status line stays (ms). */
  var STATUS_MS = 6000;

  var lastFlagId = null;
  var lastSegmentId = null;
  var dismissingFlagId = null;
  var pendingG = 0;
  var statusTimer = 0;
  var opener = null;

  function say(message) {
    var box = document.getElementById('keys-status');
    if (!box) return;
    box.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () { box.textContent = ''; }, STATUS_MS);
  }

  /** A control where letters are text (or a list choice), not commands. */
  function isTyping(el) {
    if (!el || el.nodeType !== 1) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  function flags() { return Array.prototype.slice.call(document.querySelectorAll('#flags .flag-item')); }

  /** Segments on screen, in order: not those folded away in the page chrome. */
  function segments() {
    return Array.prototype.filter.call(document.querySelectorAll('section.segment[id]'), function (s) {
      var folded = s.closest('details:not([open])');
      return !folded || folded.classList.contains('edit-form');
    });
  }

  function focusedFlag() {
    var active = document.activeElement;
    var inPanel = active && active.closest ? active.closest('#flags .flag-item') : null;
    if (inPanel) return inPanel;
    return lastFlagId ? document.getElementById(lastFlagId) : null;
  }

  function segmentOfFlag(flag) {
    var link = flag && flag.querySelector('.flag-head a[href^="#s"]');
    return link ? document.getElementById(link.getAttribute('href').slice(1)) : null;
  }

  /** The segment the keys act on: the one holding the focus, the focused flag's, or the last one visited. */
  function currentSegment() {
    var active = document.activeElement;
    var holding = active && active.closest ? active.closest('section.segment[id]') : null;
    if (holding) return holding;
    if (active && active.closest && active.closest('#flags .flag-item')) return segmentOfFlag(active.closest('#flags .flag-item'));
    return lastSegmentId ? document.getElementById(lastSegmentId) : null;
  }

  function markCurrent(segment, flagId) {
    document.querySelectorAll('.is-kb-current').forEach(function (el) { el.classList.remove('is-kb-current'); });
    if (segment) segment.classList.add('is-kb-current');
    if (flagId) document.querySelectorAll('mark[data-flag="' + flagId + '"]').forEach(function (m) { m.classList.add('is-kb-current'); });
  }

  function showFlag(flag) {
    var segment = segmentOfFlag(flag);
    if (segment) {
      var chrome = segment.closest('details.chrome');
      if (chrome) chrome.open = true;
      var mark = segment.querySelector('mark[data-flag="' + flag.id + '"]');
      (mark || segment).scrollIntoView({ block: 'center' });
      lastSegmentId = segment.id;
    }
    markCurrent(segment, flag.id);
    lastFlagId = flag.id;
    flag.focus({ preventScroll: true });
    flag.scrollIntoView({ block: 'nearest' });
  }

  function moveFlag(step) {
    var all = flags();
    if (all.length === 0) { say('No open flags on this article.'); return; }
    var at = all.indexOf(focusedFlag());
    var next = at === -1 ? (step > 0 ? 0 : all.length - 1) : at + step;
    if (next < 0 || next >= all.length) { say(step > 0 ? 'That was the last flag.' : 'That was the first flag.'); return; }
    showFlag(all[next]);
  }

  function focusSegment(segment) {
    segment.setAttribute('tabindex', '-1');
    segment.scrollIntoView({ block: 'center' });
    segment.focus({ preventScroll: true });
    lastSegmentId = segment.id;
    markCurrent(null, null);
  }

  function moveSegment(step) {
    var all = segments();
    var at = all.indexOf(currentSegment());
    var next = at === -1 ? (step > 0 ? 0 : all.length - 1) : at + step;
    if (next < 0 || next >= all.length) { say(step > 0 ? 'That was the last segment.' : 'That was the first segment.'); return; }
    focusSegment(all[next]);
  }

  function needFlag() {
    var flag = focusedFlag();
    if (!flag) say('Choose a flag first: j goes to the next one.');
    return flag;
  }

  function applyHere() {
    var flag = needFlag();
    if (!flag) return;
    var form = flag.querySelector('form.apply-form');
    if (!form) { say('This flag has no suggestion you can apply: e edits the segment, d dismisses the flag.'); return; }
    say('Applying the suggestion…');
    form.requestSubmit();
  }

  function applyEverywhere() {
    var flag = needFlag();
    if (!flag) return;
    var link = flag.querySelector('a.fix-all');
    if (link) { location.assign(link.href); return; }
    say(flag.querySelector('form.apply-form') ? 'This fix covers only this flag’s places: a applies it here.' : 'This flag has no suggestion you can apply everywhere.');
  }

  function dismiss() {
    var flag = needFlag();
    if (!flag) return;
    var tick = flag.querySelector('input[name=fingerprint]');
    var reason = document.querySelector('#dismiss-form input[name=reason]');
    if (!tick || !reason) { say('Only an editor can dismiss flags.'); return; }
    tick.checked = true;
    dismissingFlagId = flag.id;
    reason.focus();
    say('Flag ticked. Type why it is wrong and press Enter to dismiss it; Esc goes back to the flag.');
  }

  function edit() {
    var segment = currentSegment();
    if (!segment) { say('Choose a segment first: n goes to the next one, j to the next flag.'); return; }
    var details = segment.querySelector('details.edit-form');
    if (!details) { say('Only an editor can edit segments.'); return; }
    details.open = true;
    var textarea = details.querySelector('textarea');
    if (textarea) { textarea.focus(); textarea.setSelectionRange(textarea.value.length, textarea.value.length); }
    lastSegmentId = segment.id;
  }

  function toggleHelp() {
    var dialog = document.getElementById('keys-help');
    if (!dialog) return;
    if (dialog.open) { dialog.close(); return; }
    opener = document.activeElement;
    dialog.showModal();
    // The list is taller than a small window: start at its heading, not at the Close button below it.
    var heading = dialog.querySelector('h2');
    if (heading) heading.focus();
  }

  function go(selector) {
    var link = document.querySelector(selector);
    if (link) location.assign(link.href);
  }

  var COMMANDS = {
    j: function () { moveFlag(1); },
    k: function () { moveFlag(-1); },
    a: applyHere,
    A: applyEverywhere,
    d: dismiss,
    e: edit,
    n: function () { moveSegment(1); },
    p: function () { moveSegment(-1); },
    N: function () { go('a.next-with-errors'); },
    '?': toggleHelp,
  };

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    var target = event.target;
    // Esc in the reason box that `d` opened: untick the flag and go back to it.
    if (event.key === 'Escape' && dismissingFlagId && target.name === 'reason' && target.form && target.form.id === 'dismiss-form') {
      var flag = document.getElementById(dismissingFlagId);
      dismissingFlagId = null;
      if (flag) {
        var tick = flag.querySelector('input[name=fingerprint]');
        if (tick) tick.checked = false;
        event.preventDefault();
        showFlag(flag);
        say('Not dismissed.');
      }
      return;
    }
    if (isTyping(target)) return;
    var dialog = document.getElementById('keys-help');
    if (dialog && dialog.open) {
      // The dialog closes itself on Esc; `?` closes it too, and no other key acts behind it.
      if (event.key === '?') { event.preventDefault(); dialog.close(); }
      return;
    }
    if (event.key === 'Enter') {
      // Only on a flag or a segment itself: on a link or a button, Enter keeps its own meaning.
      if (target.matches && (target.matches('#flags .flag-item') || target.matches('section.segment[id]'))) { event.preventDefault(); edit(); }
      return;
    }
    if (pendingG && Date.now() - pendingG < SEQUENCE_MS && event.key === 'c') {
      pendingG = 0;
      event.preventDefault();
      go('.crumbs a[href="/"]');
      return;
    }
    pendingG = event.key === 'g' ? Date.now() : 0;
    if (pendingG) return;
    var command = Object.prototype.hasOwnProperty.call(COMMANDS, event.key) ? COMMANDS[event.key] : null;
    if (!command) return;
    event.preventDefault();
    command();
  });

  document.addEventListener('click', function (event) {
    var el = event.target.closest ? event.target.closest('.keys-button, a.skip-link') : null;
    if (!el) return;
    if (el.classList.contains('keys-button')) { toggleHelp(); return; }
    // The skip link: the browser moves the focus to the panel (tabindex=-1) itself; this makes
    // sure of it where it would only scroll.
    var panel = document.getElementById('flags');
    if (panel) { event.preventDefault(); panel.focus(); history.replaceState(null, '', '#flags'); }
  });

  var dialog = document.getElementById('keys-help');
  if (dialog) {
    dialog.addEventListener('close', function () {
      var back = opener && document.contains(opener) ? opener : null;
      opener = null;
      if (back && back.focus) back.focus();
    });
  }
  document.querySelectorAll('.keys-button[hidden]').forEach(function (b) { b.hidden = false; });
  // Someone who leaves the reason box another way is no longer dismissing through `d`.
  document.addEventListener('focusin', function (event) {
    if (dismissingFlagId && !(event.target.name === 'reason' && event.target.form && event.target.form.id === 'dismiss-form')) dismissingFlagId = null;
  });
})();

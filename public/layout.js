// Copydesk's phone layout of the review page (issue 13, bug 10): on a narrow screen the flag panel
// opens from a button as a sheet over the text, instead of sitting after the whole article. The
// button is a disclosure (aria-expanded, aria-controls="flags"); without this script it stays
// hidden and the panel shows as before. The open or closed state lives on .review-layout, not on
// the panel, because public/app.js swaps in a fresh panel after every save.
(function () {
  'use strict';

  /** The width up to which the panel is a sheet behind the button; matches public/app.css. */
  var PHONE = window.matchMedia('(max-width: 760px)');

  var button = document.querySelector('button.flags-toggle');
  var layout = button && button.closest('.review-layout');
  if (!button || !layout) return;

  function panel() { return document.getElementById('flags'); }
  function isSheet() { return layout.classList.contains('has-flags-button'); }
  function isOpen() { return button.getAttribute('aria-expanded') === 'true'; }

  function setOpen(open) {
    layout.classList.toggle('is-flags-closed', !open);
    button.setAttribute('aria-expanded', String(open));
  }

  /** Opens the sheet and moves the focus into it (the panel comes after the article in the page). */
  function openSheet(focusTarget) {
    setOpen(true);
    var target = focusTarget || panel();
    if (!target) return;
    if (!target.hasAttribute('tabindex') && !target.matches('a, button, input, select, textarea')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  }

  function closeSheet(returnFocus) {
    setOpen(false);
    if (returnFocus) button.focus();
  }

  /** The button's count follows the panel's heading ("(3 open)"), which a save re-renders. */
  function updateCount() {
    var heading = document.querySelector('#flags-heading small');
    var count = button.querySelector('.flags-toggle-count');
    if (heading && count) count.textContent = heading.textContent;
  }

  function applyMode() {
    var sheet = PHONE.matches;
    button.hidden = !sheet;
    layout.classList.toggle('has-flags-button', sheet);
    // On a wide screen the panel is beside the text, always shown; on a phone it waits for the button,
    // unless the page was opened at a flag (a dismissal or "different people" comes back to #flags).
    setOpen(!sheet || isInPanel(location.hash));
  }

  /** True when `hash` names the panel or something in it. */
  function isInPanel(hash) {
    if (!hash || hash.length < 2) return false;
    var target = document.getElementById(decodeURIComponent(hash.slice(1)));
    var flags = panel();
    return !!(target && flags && flags.contains(target));
  }

  /** The first flag in the panel that points at segment `id`. */
  function firstFlagOf(id) {
    var flags = panel();
    if (!flags) return null;
    var link = flags.querySelector('.flag-item a[href="#' + id + '"]');
    return link ? link.closest('.flag-item') : null;
  }

  button.addEventListener('click', function () {
    if (isOpen()) closeSheet(false); else openSheet(null);
  });

  document.addEventListener('click', function (event) {
    if (!isSheet()) return;
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    var hash = link.getAttribute('href');
    var flags = panel();
    if (flags && flags.contains(link)) {
      // A flag's link to its segment: fold the sheet away so the segment can be seen.
      if (!isInPanel(hash)) closeSheet(false);
      return;
    }
    if (!isInPanel(hash)) return;
    // A segment's "2 flags", the "Open flags" figure or a skip link: open the sheet at the segment's first flag.
    event.preventDefault();
    var segment = link.closest('section.segment');
    var flag = segment ? firstFlagOf(segment.id) : null;
    var target = document.getElementById(hash.slice(1));
    openSheet(flag ? (flag.querySelector('a[href^="#"]') || flag) : target);
  });

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || !isSheet() || !isOpen() || event.key !== 'Escape') return;
    var flags = panel();
    if (!flags || !flags.contains(document.activeElement)) return;
    event.preventDefault();
    closeSheet(true);
  });

  // The review keys (public/keys.js) move the focus to a flag: a closed sheet opens first, since
  // nothing hidden can take the focus. Capture phase, so this runs before their handler.
  document.addEventListener('keydown', function (event) {
    if (!isSheet() || isOpen() || event.ctrlKey || event.altKey || event.metaKey) return;
    var el = event.target;
    if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
    if (event.key === 'j' || event.key === 'k') setOpen(true);
  }, true);

  window.addEventListener('hashchange', function () {
    if (isSheet() && isInPanel(location.hash)) setOpen(true);
  });

  // public/app.js replaces the panel after a save: keep the button's count in step.
  new MutationObserver(updateCount).observe(layout, { childList: true });
  if (PHONE.addEventListener) PHONE.addEventListener('change', applyMode);
  applyMode();
  updateCount();
})();

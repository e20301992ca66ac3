/*
 * Earnings Explorer embed loader. Include it once on a page:
 *   <a href="https://…/earnings/?card=revenue" data-earnings-explorer>Cerebras Q1 2026: revenue</a>
 *   <script async src="https://…/earnings/embed.js"></script>
 * Each such link becomes a lazy-loaded iframe of that view that sizes itself to its content and
 * follows the page's theme. Without scripts the link stays, readable and working.
 * Messages (version 1) are described in the README; only those from the app's own origin and the
 * iframe's own window are accepted.
 */
(function () {
  'use strict';
  var SIZE = 'earnings-explorer:size';
  var THEME = 'earnings-explorer:theme';
  var frames = [];
  // The app lives where this script does: embed pages are at <base>embed/<view>.
  var script = document.currentScript;
  var base = script && script.src ? new URL('.', script.src).href : null;
  var dark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  /* The host's theme: an explicit data-theme or color-scheme on <html>, else the system's. */
  function hostTheme() {
    var root = document.documentElement;
    var set = root.getAttribute('data-theme') || root.style.colorScheme || '';
    if (/dark/.test(set)) return 'dark';
    if (/light/.test(set)) return 'light';
    return dark && dark.matches ? 'dark' : 'light';
  }

  function sendTheme(entry) {
    var theme = hostTheme();
    entry.frame.style.colorScheme = theme;
    if (entry.frame.contentWindow) {
      entry.frame.contentWindow.postMessage({ type: THEME, version: 1, theme: theme }, entry.origin);
    }
  }

  function upgrade(link) {
    var url;
    try {
      url = new URL(link.getAttribute('href'), document.baseURI);
    } catch (e) {
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return;
    if (base && url.href.indexOf(base) === 0) {
      var view = url.href.slice(base.length);
      if (view.indexOf('embed/') !== 0) url = new URL('embed/' + view, base);
    } else {
      url.searchParams.set('embed', '1');
    }
    var title = (link.textContent || '').trim() || 'Earnings Explorer';
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = title;
    frame.setAttribute('aria-label', title);
    frame.setAttribute('loading', 'lazy');
    frame.style.cssText = 'display:block;width:100%;min-width:0;border:0;height:' +
      (parseInt(link.getAttribute('data-height'), 10) || 480) + 'px';
    var entry = { frame: frame, origin: url.origin };
    frame.style.colorScheme = hostTheme();
    frame.addEventListener('load', function () { sendTheme(entry); });
    frames.push(entry);
    link.parentNode.replaceChild(frame, link);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== SIZE || data.version !== 1) return;
    for (var i = 0; i < frames.length; i++) {
      var entry = frames[i];
      if (event.source === entry.frame.contentWindow && event.origin === entry.origin) {
        var height = Number(data.height);
        if (isFinite(height) && height > 0 && height < 100000) {
          entry.frame.style.height = Math.ceil(height) + 'px';
        }
        // The first size message says the app is listening: tell it the theme.
        if (!entry.ready) {
          entry.ready = true;
          sendTheme(entry);
        }
        return;
      }
    }
  });

  function sendThemeToAll() {
    for (var i = 0; i < frames.length; i++) sendTheme(frames[i]);
  }
  if (dark && dark.addEventListener) dark.addEventListener('change', sendThemeToAll);
  if (window.MutationObserver) {
    new MutationObserver(sendThemeToAll).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme', 'style', 'class'],
    });
  }

  function run() {
    var links = document.querySelectorAll('a[data-earnings-explorer]');
    for (var i = 0; i < links.length; i++) upgrade(links[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
  else run();
})();

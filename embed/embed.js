/*
 * Earnings Explorer embed loader (see the README):
 *   <a href="https://…/earnings/card/revenue/" data-earnings-explorer>Revenue</a>
 *   <script async src="https://…/earnings/embed.js"></script>
 * Links to views of this app (under this script's directory) become sandboxed, self-sizing
 * iframes of <base>embed/<view> (a section, #guidance, of <base>embed/section/guidance/); in a
 * site of many reports, <base><report>/<view> becomes <base><report>/embed/<view>.
 * A link may ask for the compact form (data-form="compact": <base>embed/compact/<view>), a
 * fixed theme (data-theme="light" or "dark"; else the embed follows this page's) and a
 * transparent background (data-bg="transparent").
 * Other links, and all links without scripts, stay links.
 */
(function () {
  'use strict';
  var LINKS = 'a[data-earnings-explorer]';
  var has = Object.prototype.hasOwnProperty;

  // The base: the directory of this script (embed.js or embed.<hash>.js), from a real <script>
  // only, as <img name="currentScript" src=…> in the page would clobber document.currentScript.
  var script = document.currentScript;
  var base;
  try {
    if (script instanceof HTMLScriptElement && typeof script.src === 'string') base = new URL('.', script.src);
  } catch (e) {}
  if (!base || !/^https?:$/.test(base.protocol)) {
    console.warn('Earnings Explorer: embed.js needs its own <script src>.');
    return;
  }
  var origin = base.origin;
  var path = base.pathname; // ends in '/'

  // One loader per app base: another copy does nothing.
  var guard = 'earnings-explorer:' + base.href;
  if (has.call(window, guard)) return;
  Object.defineProperty(window, guard, { value: true });

  var frames = [];
  var lastTheme;
  var dark = window.matchMedia && matchMedia('(prefers-color-scheme: dark)');

  // data-theme or color-scheme on <html>, else the system's.
  function hostTheme() {
    var root = document.documentElement;
    var set = root.getAttribute('data-theme') || root.style.colorScheme || '';
    if (/dark/.test(set)) return 'dark';
    if (/light/.test(set)) return 'light';
    return dark && dark.matches ? 'dark' : 'light';
  }

  // To the app's origin only. It names this page: the app then sends sizes (and views) only here.
  // A frame whose link fixed its theme keeps it (and is told it again, which names this page).
  function sendTheme(frame, theme) {
    theme = frame.fixedTheme || theme;
    frame.style.colorScheme = theme;
    var win = frame.contentWindow;
    if (win) win.postMessage({ type: 'earnings-explorer:theme', version: 1, theme: theme }, origin);
  }

  // The theme a link fixes for its embed, else ''.
  function fixedTheme(link) {
    var theme = link.getAttribute('data-theme');
    return theme === 'light' || theme === 'dark' ? theme : '';
  }

  // The embed page for a link to a view of this app, else null.
  function embedUrl(link) {
    try {
      var url = new URL(link.href);
    } catch (e) {
      return null;
    }
    var view = url.pathname.slice(path.length);
    // Plain segments: no encoded slashes or dots for a server to decode.
    if (url.origin !== origin || url.pathname.indexOf(path) !== 0 || !/^([\w.~-]+\/)*[\w.~-]*$/.test(view)) return null;
    // In a site of many reports, a view's address starts with its report's folder: a first
    // segment that is none of the app's own words (which report ids never take).
    var report = '';
    var first = /^([\w.~-]+\/)/.exec(view);
    if (first && !/^(card|faq|section|embed|compact|non-gaap|preview|examples)\/$/.test(first[1])) {
      report = first[1];
      view = view.slice(report.length);
    }
    var hash = url.hash;
    if (view.indexOf('embed/') !== 0) {
      // A section of the page (#guidance, one plain word) has an embed of its own.
      var section = /^#([a-z]+)$/.exec(hash);
      if (section && !/(^|\/)(card|faq)\//.test(view)) {
        view += 'section/' + section[1] + '/';
        hash = '';
      }
      if (link.getAttribute('data-form') === 'compact') view = 'compact/' + view;
      view = 'embed/' + view;
    }
    var query = new URLSearchParams(url.search);
    var theme = fixedTheme(link);
    if (theme) query.set('theme', theme);
    if (link.getAttribute('data-bg') === 'transparent') query.set('bg', 'transparent');
    var search = query.toString();
    return new URL(report + view + (search ? '?' + search : '') + hash, base);
  }

  function upgrade(link) {
    var url = link instanceof HTMLAnchorElement && !has.call(link, guard) && link.parentNode && embedUrl(link);
    if (!url) return;
    Object.defineProperty(link, guard, { value: true }); // once per link
    var title = link.textContent.replace(/\s+/g, ' ').trim() || 'Earnings Explorer';
    var height = parseInt(link.getAttribute('data-height'), 10);
    var frame = document.createElement('iframe');
    var attrs = {
      sandbox: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
      allow: 'clipboard-write; web-share',
      loading: 'lazy',
      referrerpolicy: 'strict-origin-when-cross-origin',
      title: title,
      'aria-label': title,
    };
    for (var name in attrs) frame.setAttribute(name, attrs[name]);
    // The CSSOM, which a strict style-src allows (unlike a style attribute).
    var style = frame.style;
    style.display = 'block';
    style.width = '100%';
    style.minWidth = style.border = '0';
    style.height = (isFinite(height) ? Math.min(5000, Math.max(100, height)) : 480) + 'px';
    frame.fixedTheme = fixedTheme(link);
    style.colorScheme = frame.fixedTheme || hostTheme();
    frame.addEventListener('load', function () { sendTheme(frame, hostTheme()); });
    frame.src = url.href;
    Object.defineProperty(frame, guard, { value: true }); // not adopted again
    frames.push(frame);
    link.parentNode.replaceChild(frame, link);
  }

  // An iframe of this app's embed pages already in the page: the oEmbed html as a CMS such as
  // Ghost inserts it (a link in a blockquote, the iframe, this script). It is sized and themed
  // like the loader's own, and its link, the fallback, hides once the embed speaks.
  function adopt(frame) {
    if (has.call(frame, guard)) return;
    try {
      var src = new URL(frame.getAttribute('src') || '', location.href);
    } catch (e) {
      return;
    }
    var inside = src.pathname.slice(path.length);
    if (src.origin !== origin || src.pathname.indexOf(path) !== 0 || !/^([\w.~-]+\/)?embed\//.test(inside)) return;
    Object.defineProperty(frame, guard, { value: true });
    var theme = /(?:^|[?&])theme=(light|dark)(?:&|$)/.exec(src.search.slice(1));
    frame.fixedTheme = theme ? theme[1] : '';
    var before = frame.previousElementSibling;
    if (before && before.tagName === 'BLOCKQUOTE' && before.classList.contains('earnings-explorer-link')) {
      frame.fallback = before;
    }
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.maxWidth = '100%';
    frame.addEventListener('load', function () { sendTheme(frame, hostTheme()); });
    frames.push(frame);
    // It may have loaded already: say who we are now, and the embed sends its size.
    sendTheme(frame, hostTheme());
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== 'earnings-explorer:size' || data.version !== 1) return;
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (event.source !== frame.contentWindow) continue;
      var h = data.height;
      if (typeof h === 'number' && h >= 1 && h <= 100000) frame.style.height = Math.ceil(h) + 'px';
      // The first size says the app listens: the theme again, and a fallback link goes.
      if (!frame.sized) sendTheme(frame, hostTheme());
      if (frame.fallback) frame.fallback.hidden = true;
      frame.sized = true;
      return;
    }
  });

  function themeChanged() {
    var theme = hostTheme();
    if (theme === lastTheme) return;
    lastTheme = theme;
    for (var i = 0; i < frames.length; i++) sendTheme(frames[i], theme);
  }

  // Upgrades `node` if it is a link (or adopts it if it is an embed's iframe), else those in it.
  function scan(node) {
    if (node.nodeType === 1 && node.matches && node.matches(LINKS)) return upgrade(node);
    if (node.nodeType === 1 && node.tagName === 'IFRAME') return adopt(node);
    var links = node.querySelectorAll ? node.querySelectorAll(LINKS) : [];
    for (var i = 0; i < links.length; i++) upgrade(links[i]);
    var iframes = node.querySelectorAll ? node.querySelectorAll('iframe[src]') : [];
    for (var j = 0; j < iframes.length; j++) adopt(iframes[j]);
  }

  function start() {
    lastTheme = hostTheme();
    scan(document);
    if (!window.MutationObserver) return;
    // Links added later (a comment widget, a single-page app) too.
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        for (var j = 0; j < records[i].addedNodes.length; j++) scan(records[i].addedNodes[j]);
      }
    }).observe(document, { childList: true, subtree: true });
    new MutationObserver(themeChanged).observe(document.documentElement,
      { attributes: true, attributeFilter: ['data-theme', 'style', 'class'] });
    if (dark && dark.addEventListener) dark.addEventListener('change', themeChanged);
  }
  // Links still being parsed may lack their text (the title): wait for the document.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

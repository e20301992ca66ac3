//! The page's start-up script, in place of Trunk's.

/// Trunk's start-up script, rewritten so that the page is never left with a
/// control that lies:
/// - it runs while the page is still being read (`async`): the wasm loads
///   meanwhile; the islands before `<main>`, which show the view, hydrate and
///   the page starts as soon as both are there, and the islands further down
///   once the page is read (until then `.js leptos-island:not([data-live])`
///   keeps them hidden, as `.wait` did);
/// - the wasm is fetched with its integrity checked (the glue through the
///   import map's integrity);
/// - if the app cannot start, the page stays the script-free page, with a
///   notice (`<html class="no-js app-failed">`);
/// - if the app stops (a trap: a panic aborts), the page is reloaded once as
///   the script-free page, since figures and controls may be half-updated.
pub(super) fn start_script(js: &str, wasm: &str, wasm_integrity: &str) -> String {
    format!(
        r#"<script type="module" async>
const root = document.documentElement;
const crashed = (e) => typeof WebAssembly == "object" && e instanceof WebAssembly.RuntimeError;
const stop = (crash) => {{
  if (crash) {{
    try {{
      sessionStorage.setItem("earnings-explorer:stopped", "1");
      location.reload();
      return;
    }} catch (_) {{}}
  }}
  root.className = "no-js app-failed";
}};
addEventListener("error", (e) => crashed(e.error) && stop(true));
addEventListener("unhandledrejection", (e) => crashed(e.reason) && stop(true));
// The page is still being read when this runs: the wasm loads meanwhile.
const parsed = document.readyState == "loading"
  ? new Promise((done) => addEventListener("DOMContentLoaded", done, {{ once: true }}))
  : Promise.resolve();
// An island is whole once the reader has gone past it.
const whole = (el) => {{
  for (let n = el; n && n != document.body; n = n.parentNode) if (n.nextSibling) return true;
  return document.readyState != "loading";
}};
if (root.className == "wait") {{
  try {{
    const bindings = await import("{js}");
    const module_or_path = fetch("{wasm}", {{ integrity: "{wasm_integrity}" }});
    const wasm = await bindings.default({{ module_or_path }});
    performance.mark("ee:wasm");
    // Each island hydrates with its own export, once.
    const live = (island) => {{
      if (island.hasAttribute("data-live") || !whole(island)) return;
      const hydrate = bindings[island.dataset.component];
      if (hydrate) hydrate(island);
      else console.warn("Earnings Explorer: no code for", island.dataset.component);
      island.setAttribute("data-live", "");
    }};
    // The islands that show the view (the switch, the section links, the
    // notice) all come before <main>: once they are live, the page starts;
    // the islands further down follow as soon as the page is read.
    if (!document.getElementById("main")) await parsed;
    document.querySelectorAll("leptos-island").forEach(live);
    bindings.start_page();
    performance.mark("ee:started");
    await parsed;
    for (const island of document.querySelectorAll("leptos-island:not([data-live])")) {{
      live(island);
      // One at a time, so that the reader's clicks go first.
      await new Promise((next) => setTimeout(next));
    }}
    performance.mark("ee:islands");
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
  }} catch (e) {{
    console.warn("Earnings Explorer could not start; the page works without it.", e);
    stop(crashed(e));
  }}
}}
</script>"#
    )
}

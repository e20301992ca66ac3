//! Starts the islands of a pre-rendered page. The page's start-up script
//! loads this wasm (which runs `main`), hydrates each `<leptos-island>` with
//! its export, then calls [`start_page`]; see `state::start`.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic aborts (a trap, which the start-up script turns into the plain
    // page); this says why in the console first.
    console_error_panic_hook::set_once();
    // The root of every island: their shared state hangs from it.
    leptos::mount::hydrate_islands();
    earnings_explorer::state::start::prepare();
}

/// Called by the start-up script once every island has hydrated.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn start_page() {
    if let Some(shared) = leptos::prelude::use_context() {
        earnings_explorer::state::start::run(shared);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Earnings Explorer runs in the browser: see README.md (scripts/serve.sh).");
}

//! Mounts the app on its pre-rendered page: hydrates the view the page says
//! it shows (`<html data-view>`), then marks the page as running.

#[cfg(target_arch = "wasm32")]
fn main() {
    use earnings_explorer::state::history::{mark_running, this_page};
    use earnings_explorer::App;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    // A page the pre-render did not write is left as it is.
    let Some((page, base)) = this_page() else {
        return;
    };
    leptos::mount::hydrate_body(move || view! { <App url=page base=base/> });
    mark_running();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Earnings Explorer runs in the browser: see README.md (scripts/serve.sh).");
}

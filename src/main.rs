//! Mounts the app on the page, starting from its address.

#[cfg(target_arch = "wasm32")]
fn main() {
    use earnings_explorer::state::history::current_url;
    use earnings_explorer::App;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let url = current_url();
    leptos::mount::hydrate_body(move || view! { <App url=url/> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Earnings Explorer runs in the browser: see README.md (scripts/serve.sh).");
}

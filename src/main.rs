//! Mounts the app on the page, starting from the URL's query.

#[cfg(target_arch = "wasm32")]
fn main() {
    use earnings_explorer::App;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    leptos::mount::mount_to_body(move || view! { <App query=query/> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Earnings Explorer runs in the browser: see README.md (scripts/serve.sh).");
}

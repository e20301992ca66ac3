//! Mounts the app on the page, starting from the URL's query.

#[cfg(target_arch = "wasm32")]
fn main() {
    use earnings_explorer::App;
    use leptos::prelude::*;

    console_error_panic_hook::set_once();
    // The query, and the anchor that older links may carry.
    let query = web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.search().unwrap_or_default(),
                l.hash().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    leptos::mount::mount_to_body(move || view! { <App query=query/> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Earnings Explorer runs in the browser: see README.md (scripts/serve.sh).");
}

//! The browser's side of a pre-rendered page, in two steps around the
//! hydration of its islands (see `main.rs` and the page's start-up script):
//! [`prepare`] reads what the page says of itself and provides the islands'
//! [`Shared`] state; [`run`], once every island has hydrated, applies the
//! address and keeps the page, the history and the embedding frame in step.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::{provide_shared, Shared};
use super::embed;
use super::frame;
use super::history::{base_url, current_url, mark_running, sync_with_location, this_page};
use super::url::{arrive, resolve, Arrival, ViewState};

/// Provides the islands' state for the view the page was pre-rendered for
/// (`<html data-view>`), so that each island hydrates exactly the markup it
/// finds, whatever the address. Nothing on a page the pre-render did not
/// write (then no island finds its state, and `start_page` does nothing).
pub fn prepare() {
    let Some((page, base, catalogue)) = this_page() else {
        return;
    };
    let path = page.split(['?', '#']).next().unwrap_or_default();
    let view = ViewState::from_url(path, &catalogue).0.pre_rendered();
    provide_shared(Arc::new(catalogue), view, base);
}

/// Applies the address and starts following the reader (after [`prepare`]
/// and the islands' hydration); then the page shows its controls.
pub fn run(shared: Shared) {
    let page = shared.view.get_untracked();
    // WordPress's secret is in the address only until it is made canonical.
    let secret = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .and_then(|hash| embed::wordpress_secret(&hash).map(str::to_string));
    match arrive(&page, &current_url(), &shared.catalogue()) {
        Arrival::Load(href) => {
            if let Some(w) = web_sys::window() {
                let _ = w.location().replace(&resolve(&base_url(), &href));
            }
            return;
        }
        Arrival::Show(view, problems) => {
            shared.view.set(view);
            shared.problems.set(problems);
        }
    }
    sync_with_location(shared);
    frame::connect(shared.view, secret);
    mark_running();
}

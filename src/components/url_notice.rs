//! Notices about the page itself: a link that asked for something this
//! report does not have (never repeating the link's text), an island; and the
//! app having stopped, static.

use leptos::prelude::*;

use crate::state::{use_shared, Problem};

/// Lists what the link asked for that could not be shown (found once the
/// page runs); dismissible.
#[island]
pub fn UrlNotice() -> impl IntoView {
    let problems = use_shared().problems;
    let dismissed = RwSignal::new(false);
    move || {
        let mut messages: Vec<&'static str> =
            problems.with(|p| p.iter().map(Problem::message).collect());
        messages.dedup();
        (!messages.is_empty() && !dismissed.get()).then(|| {
            let items = messages
                .into_iter()
                .map(|m| view! { <li>{m}</li> })
                .collect_view();
            view! {
                <div class="notice" role="status">
                    <ul class="notice__list">{items}</ul>
                    <button type="button" class="button button--quiet" on:click=move |_| dismissed.set(true)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

/// Said when the interactive part of the page could not start or stopped:
/// the page then works as a plain page (see `index.html`'s start-up script,
/// which shows this through `<html class="app-failed">`). Static markup, so
/// it is there even when the wasm is not.
#[component]
pub fn AppStopped() -> impl IntoView {
    view! {
        <p class="notice notice--stopped" role="alert">
            "The interactive part of this page is not running. It still works as a plain page: "
            "the basis links open each basis's own page, and cards and answers open in place."
        </p>
    }
}

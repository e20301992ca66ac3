//! A quiet notice when the link asked for something this report does not
//! have. The link's values are only ever shown as text.

use leptos::prelude::*;

use crate::state::Problem;

/// Lists what the link asked for that could not be shown; dismissible.
#[component]
pub fn UrlNotice(
    /// The problems found in the address (set once the page runs).
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    move || {
        let messages: Vec<String> = problems.with(|p| p.iter().map(Problem::message).collect());
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

//! A quiet notice when the link asked for something this report does not
//! have. The link's values are only ever shown as text.

use leptos::prelude::*;

use crate::state::Problem;

/// Lists what the link asked for that could not be shown; dismissible.
#[component]
pub fn UrlNotice(problems: Vec<Problem>) -> impl IntoView {
    let visible = RwSignal::new(!problems.is_empty());
    let messages: Vec<String> = problems.iter().map(Problem::message).collect();
    move || {
        visible.get().then(|| {
            let items = messages
                .iter()
                .map(|m| view! { <li>{m.clone()}</li> })
                .collect_view();
            view! {
                <div class="notice" role="status">
                    <ul class="notice__list">{items}</ul>
                    <button type="button" class="button button--quiet" on:click=move |_| visible.set(false)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

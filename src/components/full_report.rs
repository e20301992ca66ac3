//! An embed's way out to the full report, an island: the link follows the
//! view (a basis chosen in the embed carries over).

use leptos::prelude::*;

use crate::state::use_shared;

/// "Full report ↗", to the embed's view as a page, in a new tab.
#[island]
pub fn FullReportLink() -> impl IntoView {
    let shared = use_shared();
    let href = move || shared.view.with(|v| shared.link(&v.shared()));
    view! { <a href=href target="_blank" rel="noopener">"Full report ↗"</a> }
}

//! A term in a text: a button that opens the term's definition in place
//! (the definitions themselves are the glossary's, `glossary.rs`). Its own
//! file so that texts (`figure.rs`) and the glossary, whose definitions are
//! texts, both use it without importing each other.

use leptos::prelude::*;

/// The element id of a term's definition.
pub fn definition_id(term_id: &str) -> String {
    format!("term-{term_id}")
}

/// A term in a text: opens its definition in place.
#[component]
pub fn TermButton(
    /// The words as the text has them.
    words: String,
    /// The term's id in the glossary.
    id: String,
) -> impl IntoView {
    view! {
        <button type="button" class="term" popovertarget=definition_id(&id)>{words}</button>
    }
}

//! What the page shows when its dataset cannot be loaded: the field at fault
//! and why, instead of a blank page or figures that may be wrong.

use leptos::prelude::*;

use crate::model::LoadError;

/// A clear message naming the dataset field that failed validation.
#[component]
pub fn DatasetError(error: LoadError) -> impl IntoView {
    let at = if error.path.is_empty() {
        "the top level".to_string()
    } else {
        error.path.clone()
    };
    view! {
        <main class="page page--error" role="alert">
            <h1>"This report could not be loaded"</h1>
            <p>"The dataset has a problem at " <code>{at}</code> ": " {error.message}</p>
            <p>"Rather than show figures that may be wrong, the page shows nothing else. Fix the dataset and build again."</p>
        </main>
    }
}

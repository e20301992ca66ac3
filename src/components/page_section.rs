//! A titled section of the page that links and the nav can jump to.

use leptos::prelude::*;

use crate::state::Section;

/// A `<section>` with its heading; its id is the section's URL value.
#[component]
pub fn PageSection<T: IntoView + 'static>(
    section: Section,
    children: TypedChildren<T>,
) -> impl IntoView {
    let children = children.into_inner();
    let title_id = format!("{}-title", section.as_str());
    let labelled_by = title_id.clone();
    view! {
        <section class="section" id=section.as_str() aria-labelledby=labelled_by tabindex="-1">
            <h2 class="section__title" id=title_id>{section.label()}</h2>
            {children()}
        </section>
    }
}

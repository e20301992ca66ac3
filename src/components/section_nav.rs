//! Links to the page's sections, an island. They are real links (they work
//! without script and open in a new tab); a plain click moves in place and
//! records the section in the URL.

use leptos::prelude::*;

use crate::state::history::scroll_to;
use crate::state::use_shared;

/// The section links of the report.
#[island]
pub fn SectionNav() -> impl IntoView {
    let shared = use_shared();
    let links = shared
        .catalogue()
        .sections
        .iter()
        .map(|&section| {
            let current = move || shared.view.with(|v| v.section == Some(section));
            view! {
                <li>
                    <a
                        class="nav__link"
                        href=move || shared.href_for(section)
                        aria-current=move || current().then_some("location")
                        on:click=move |ev: leptos::ev::MouseEvent| {
                            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                                return;
                            }
                            ev.prevent_default();
                            shared.go_to(section);
                            scroll_to(section.as_str());
                        }
                    >
                        {section.label()}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="nav" aria-label="Sections">
            <ul class="nav__list">{links}</ul>
        </nav>
    }
}

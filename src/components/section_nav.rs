//! Links to the page's sections. They are real links (they work without
//! script and open in a new tab); a plain click moves in place and records
//! the section in the URL.

use leptos::prelude::*;

use crate::state::history::scroll_to;
use crate::state::{use_explorer, Section};

/// The section links of the report.
#[component]
pub fn SectionNav() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    let links = Section::ALL
        .into_iter()
        .filter(|s| s.present_in(&report))
        .map(|section| {
            let current = move || ex.view.with(|v| v.section == Some(section));
            view! {
                <li>
                    <a
                        class="nav__link"
                        href=move || ex.href_for(section)
                        aria-current=move || current().then_some("location")
                        on:click=move |ev: leptos::ev::MouseEvent| {
                            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                                return;
                            }
                            ev.prevent_default();
                            ex.go_to(section);
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

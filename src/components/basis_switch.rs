//! The page-wide GAAP ⇄ non-GAAP switch, an island. Until the app runs (and
//! for good if it cannot), the switch is a pair of links, each to its basis's
//! pre-rendered page, so a click always shows that basis's figures. Once the
//! app runs, a native radio group takes the same place (arrow keys, Tab and
//! screen readers work as everywhere else). Both are in the markup, stacked in
//! one grid cell so the swap moves nothing; CSS shows one (`<html class>`).
//! The page shows both forms of what the basis changes; the switch only
//! changes the view, and the page follows it (`state::history`).

use leptos::prelude::*;

use crate::model::Accounting;
use crate::state::{use_shared, ViewState};

/// Chooses the accounting basis for every basis-dependent figure.
#[island]
pub fn BasisSwitch() -> impl IntoView {
    let shared = use_shared();
    let options = Accounting::ALL
        .into_iter()
        .map(|basis| {
            let checked = move || shared.basis() == basis;
            view! {
                <label class="switch__option">
                    <input
                        class="switch__input"
                        type="radio"
                        name="basis"
                        value=basis.as_str()
                        checked=checked
                        prop:checked=checked
                        on:change=move |_| shared.set_basis(basis)
                    />
                    <span class="switch__label">{basis.label()}</span>
                </label>
            }
        })
        .collect_view();
    let links = Accounting::ALL
        .into_iter()
        .map(|basis| {
            let href = move || shared.view.with(|v| shared.link(&ViewState { basis, ..v.clone() }));
            let current = move || (shared.basis() == basis).then_some("page");
            view! {
                <a class="switch__label switch__link" href=href aria-current=current>{basis.label()}</a>
            }
        })
        .collect_view();
    view! {
        <div class="switch-slot">
            <fieldset class="switch switch--radios">
                <legend class="switch__legend">"Basis"</legend>
                {options}
            </fieldset>
            <nav class="switch switch--links" aria-label="Basis">
                <span class="switch__legend" aria-hidden="true">"Basis"</span>
                {links}
            </nav>
        </div>
    }
}

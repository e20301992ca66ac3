//! The page-wide GAAP ⇄ non-GAAP switch: a native radio group, so arrow keys,
//! Tab and screen readers work as everywhere else.

use leptos::prelude::*;

use crate::model::Accounting;
use crate::state::{use_explorer, ViewState};

/// Chooses the accounting basis for every basis-dependent figure.
#[component]
pub fn BasisSwitch() -> impl IntoView {
    let ex = use_explorer();
    let options = Accounting::ALL
        .into_iter()
        .map(|basis| {
            let checked = move || ex.basis() == basis;
            view! {
                <label class="switch__option">
                    <input
                        class="switch__input"
                        type="radio"
                        name="basis"
                        value=basis.as_str()
                        checked=checked
                        prop:checked=checked
                        on:change=move |_| ex.set_basis(basis)
                    />
                    <span class="switch__label">{basis.label()}</span>
                </label>
            }
        })
        .collect_view();
    // Without scripts the radios cannot act: links to the other basis's
    // pre-rendered page stand in (CSS shows one or the other).
    let links = Accounting::ALL
        .into_iter()
        .map(|basis| {
            let href = move || ex.view.with(|v| ViewState { basis, ..v.clone() }.to_href());
            let current = move || (ex.basis() == basis).then_some("page");
            view! { <a class="switch-links__link" href=href aria-current=current>{basis.label()}</a> }
        })
        .collect_view();
    view! {
        <fieldset class="switch">
            <legend class="switch__legend">"Basis"</legend>
            {options}
        </fieldset>
        <p class="switch-links">"Basis: " {links}</p>
    }
}

//! The page header: company, quarter, release date and the data's "as of" date.

use leptos::prelude::*;

use super::figure::RichText;
use crate::model::format;
use crate::state::use_explorer;

/// Company, period and dates of the report.
#[component]
pub fn Masthead() -> impl IntoView {
    let report = use_explorer().report();
    let date = |d: &str| format::date(d).unwrap_or_else(|| d.to_string());
    view! {
        <header class="masthead">
            <p class="masthead__eyebrow">"Earnings Explorer · " {report.company.ticker.clone()}</p>
            <h1 class="masthead__title">{report.company.name.clone()} " " {report.period.clone()}</h1>
            <p class="masthead__about"><RichText text=report.company.about.clone()/></p>
            <dl class="masthead__dates">
                <div>
                    <dt>"Released"</dt>
                    <dd><time datetime=report.released.clone()>{date(&report.released)}</time></dd>
                </div>
                <div>
                    <dt>"Data as of"</dt>
                    <dd><time datetime=report.as_of.clone()>{date(&report.as_of)}</time></dd>
                </div>
            </dl>
        </header>
    }
}

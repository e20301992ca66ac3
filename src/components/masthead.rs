//! The page header: company, quarter, the story of the report in a few
//! sentences (the dataset's lede), and its dates: released, data as of, and
//! the next report.

use leptos::prelude::*;

use super::figure::RichText;
use crate::model::format;
use crate::state::{use_explorer, ViewState};

/// Company, period, lede and dates of the report; in a site of many
/// reports, links to the company's quarters before and after it and to the
/// site's index.
#[component]
pub fn Masthead() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    let season = ex.neighbours().map(|n| {
        let home = ViewState::default();
        let previous = n.previous.as_ref().map(|(id, r)| {
            view! { <li><a href=n.link(id, &home) rel="prev">"← " {r.name()}</a></li> }
        });
        let next = n.next.as_ref().map(|(id, name)| {
            view! { <li><a href=n.link(id, &home) rel="next">{name.clone()} " →"</a></li> }
        });
        view! {
            <nav class="masthead__season" aria-label="Other reports">
                <ul>
                    {previous}
                    {next}
                    <li><a href=n.site.clone()>"All reports"</a></li>
                </ul>
            </nav>
        }
    });
    let date = |d: &str| format::date(d).unwrap_or_else(|| d.to_string());
    let lede = report
        .lede
        .clone()
        .map(|text| view! { <p class="masthead__lede"><RichText text=text/></p> });
    let next = report.watch.as_ref().map(|w| {
        let n = &w.next_report;
        let title = format!("{}. {}", n.label, report.cite(&n.source));
        view! {
            <div>
                <dt>"Next report"</dt>
                <dd title=title>
                    <time datetime=n.date.clone()>{date(&n.date)}</time>
                </dd>
            </div>
        }
    });
    view! {
        <header class="masthead">
            <p class="masthead__eyebrow">"Earnings Explorer · " {report.company.ticker.clone()}</p>
            <h1 class="masthead__title">{report.company.name.clone()} " " {report.period.clone()}</h1>
            {lede}
            <p class="masthead__about"><RichText text=report.company.about.clone()/></p>
            <dl class="masthead__dates">
                <div>
                    <dt>"Released"</dt>
                    <dd><time datetime=report.released.clone()>{date(&report.released)}</time></dd>
                </div>
                <div>
                    <dt>"Market data as of"</dt>
                    <dd><time datetime=report.as_of.clone()>{date(&report.as_of)}</time></dd>
                </div>
                {next}
            </dl>
            {season}
        </header>
    }
}

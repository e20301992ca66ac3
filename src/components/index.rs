//! The index of a site of many reports (`EE_REPORTS`), at the site's root:
//! each report's company, quarter and release date, its headline figures
//! with their basis tags, and a link to it. Static and complete without
//! scripts; the build writes it with no app script at all.

use std::sync::Arc;

use leptos::prelude::*;

use super::figure::FigureValue;
use crate::model::{format, Report};
use crate::state::{provide_explorer, Catalogue, ViewState};

/// A report as the index lists it.
#[derive(Clone)]
pub struct Listed {
    /// The report's own page, e.g. `/acme-robotics-q4-2025/`.
    pub href: String,
    pub report: Arc<Report>,
}

/// The site's index: the reports in the order given (newest first).
#[component]
pub fn ReportIndex(reports: Vec<Listed>) -> impl IntoView {
    let mut companies: Vec<&str> = reports
        .iter()
        .map(|l| l.report.company.name.as_str())
        .collect();
    companies.sort_unstable();
    companies.dedup();
    let about = format!(
        "{} reports of {} {}, newest first. Each opens on its headline figures; \
         every figure carries its basis and its source.",
        reports.len(),
        companies.len(),
        if companies.len() == 1 {
            "company"
        } else {
            "companies"
        }
    );
    let entries = reports
        .into_iter()
        .map(|listed| view! { <li><IndexEntry listed=listed/></li> })
        .collect_view();
    view! {
        <a class="skip-link" href="#main">"Skip to the reports"</a>
        <div class="page">
            <header class="masthead">
                <p class="masthead__eyebrow">"Earnings Explorer"</p>
                <h1 class="masthead__title">"Earnings reports"</h1>
                <p class="masthead__about">{about}</p>
            </header>
            <main class="main" id="main">
                <ul class="index" role="list">{entries}</ul>
            </main>
            <footer class="footer">
                <p>"Figures from each report's sources, with every text written for it. Not investment advice."</p>
            </footer>
        </div>
    }
}

/// One report of the index: its name as the link, its ticker and date, and
/// each headline card's figure on each basis the card gives.
#[component]
fn IndexEntry(listed: Listed) -> impl IntoView {
    let report = listed.report;
    // The figures below read this report (their tags and hover sources);
    // each entry provides its own before it renders them.
    let catalogue = Arc::new(Catalogue::of(&report));
    provide_explorer(
        report.clone(),
        None,
        catalogue,
        ViewState::default(),
        listed.href.clone(),
    );
    let figures = report
        .cards
        .iter()
        .map(|card| {
            let values = card
                .forms()
                .filter_map(|v| report.figure(&v.figure).cloned())
                .map(|f| view! { <span class="index__value"><FigureValue figure=f/></span> })
                .collect_view();
            view! {
                <div>
                    <dt>{card.title.clone()}</dt>
                    <dd>{values}</dd>
                </div>
            }
        })
        .collect_view();
    let released = format::date(&report.released).unwrap_or_else(|| report.released.clone());
    view! {
        <article class="card index__report">
            <h2 class="card__title"><a href=listed.href>{report.name()}</a></h2>
            <p class="index__meta">
                {report.company.ticker.clone()} " · Released "
                <time datetime=report.released.clone()>{released}</time>
            </p>
            <dl class="index__figures">{figures}</dl>
        </article>
    }
}

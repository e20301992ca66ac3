//! The root component: loads the dataset, reads the view from the URL query,
//! provides the explorer and lays out the page.

use std::sync::Arc;

use leptos::prelude::*;

use super::basis_switch::BasisSwitch;
use super::bridge::Bridge;
use super::dataset_error::DatasetError;
use super::faq::FaqSection;
use super::masthead::Masthead;
use super::section_nav::SectionNav;
use super::sections::*;
use super::sources::SourcesSection;
use super::url_notice::UrlNotice;
use crate::model::{Accounting, Report, BUNDLED};
use crate::state::history::sync_with_location;
use crate::state::{provide_explorer, use_explorer, Problem, ViewState};

/// The whole explorer for one report.
#[component]
pub fn App(
    /// The dataset (JSON); the bundled report by default.
    #[prop(default = BUNDLED)]
    dataset: &'static str,
    /// The URL query the view starts from, e.g. `?basis=non-gaap&card=net-loss`.
    #[prop(into, default = String::new())]
    query: String,
) -> impl IntoView {
    match Report::from_json(dataset) {
        Err(error) => view! { <DatasetError error=error/> }.into_any(),
        Ok(report) => {
            let report = Arc::new(report);
            let (state, problems) = ViewState::from_query(&query, &report);
            let ex = provide_explorer(report.clone(), state);
            sync_with_location(ex.view, report);
            view! { <Page problems=problems/> }.into_any()
        }
    }
}

/// The page of a loaded report.
#[component]
fn Page(problems: Vec<Problem>) -> impl IntoView {
    let ex = use_explorer();
    let has_bridge = ex.report().reconciliation.is_some();
    let non_gaap = move || ex.basis() == Accounting::NonGaap;
    let hint = move || {
        if non_gaap() {
            "Showing the company's non-GAAP (adjusted) figures where it gives them. The bridge shows how they differ from GAAP."
        } else {
            "Showing GAAP figures. Switch to non-GAAP for the company's adjusted figures and the bridge between the two."
        }
    };
    view! {
        <a class="skip-link" href="#metrics">"Skip to the figures"</a>
        <div class="page">
            <Masthead/>
            <section class="toolbar" aria-label="View controls">
                <BasisSwitch/>
                <SectionNav/>
            </section>
            <UrlNotice problems=problems/>
            <main class="main" id="main">
                {has_bridge.then(|| view! { <p class="basis-hint">{hint}</p> })}
                {move || non_gaap().then(|| view! { <Bridge/> })}
                <MetricsSection/>
                <GuidanceSection/>
                <StockSection/>
                <DealsSection/>
                <AnalystsSection/>
                <WatchSection/>
                <FaqSection/>
                <SourcesSection/>
            </main>
            <footer class="footer">
                <p>
                    "Figures from the documents under Sources; every text on this page is written for it. "
                    "Derived figures are computed here and say how. Not investment advice."
                </p>
            </footer>
        </div>
    }
}

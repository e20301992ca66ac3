//! The root component: takes the report (the bundled one by default), renders the view its page was
//! pre-rendered for, then applies the address; provides the explorer and
//! lays out the page.

use std::sync::Arc;

use leptos::either::Either;
use leptos::prelude::*;

use super::basis_switch::BasisSwitch;
use super::bridge::Bridge;
use super::embed_dialog::EmbedDialog;
use super::faq::{AnswerAlone, FaqSection};
use super::glossary::{GlossarySection, TermList};
use super::masthead::Masthead;
use super::metric_card::MetricCard;
use super::section_nav::SectionNav;
use super::sections::*;
use super::share::ShareButton;
use super::sources::SourcesSection;
use super::url_notice::{AppStopped, UrlNotice};
use crate::model::dataset::Term;
use crate::model::{Accounting, Report};
use crate::state::embed::{follows_basis, terms_shown};
use crate::state::history::{base_url, current_url, sync_with_location};
use crate::state::url::Focus;
use crate::state::url::{arrive, resolve, Arrival};
use crate::state::{frame, provide_explorer, use_explorer, Problem, Section, ViewState};

/// The whole explorer for one report.
#[component]
pub fn App(
    /// The report; the bundled one (compiled in) by default.
    #[prop(optional, into)]
    report: Option<Arc<Report>>,
    /// The path of the page, relative to the app's base, as the pre-render
    /// wrote it (`<html data-view>`), e.g. `non-gaap/card/net-loss/`. The
    /// app renders exactly this view, so hydration meets the markup it
    /// expects whatever the address; the address is applied afterwards.
    #[prop(into, default = String::new())]
    url: String,
    /// The app's base path, ending in `/`.
    #[prop(into, default = String::from("/"))]
    base: String,
) -> impl IntoView {
    let report = report.unwrap_or_else(|| Arc::new(crate::bundled::report()));
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let page = ViewState::from_url(path, &report).0.pre_rendered();
    let embed = page.embed;
    let ex = provide_explorer(report.clone(), page.clone(), base);
    let problems_shown = RwSignal::new(Vec::<Problem>::new());
    let arrival_report = report.clone();
    Effect::new(
        move |_| match arrive(&page, &current_url(), &arrival_report) {
            Arrival::Load(href) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().replace(&resolve(&base_url(), &href));
                }
            }
            Arrival::Show(view, problems) => {
                ex.view.set(view);
                problems_shown.set(problems);
            }
        },
    );
    sync_with_location(ex.view, report);
    frame::connect(ex.view);
    if embed {
        Either::Left(view! { <EmbedPage problems=problems_shown/> })
    } else {
        Either::Right(view! { <Page problems=problems_shown/> })
    }
}

/// The page of a loaded report.
#[component]
fn Page(problems: RwSignal<Vec<Problem>>) -> impl IntoView {
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
        <a class="skip-link" href=move || ex.href_for(Section::Metrics)>"Skip to the figures"</a>
        <div class="page">
            <Masthead/>
            <section class="toolbar" aria-label="View controls">
                <BasisSwitch/>
                <SectionNav/>
                <div class="share toolbar__share">
                    <ShareButton what="this view" view=ex.view/>
                    <EmbedDialog/>
                </div>
            </section>
            <UrlNotice problems=problems/>
            <AppStopped/>
            <main class="main" id="main">
                {has_bridge.then(|| view! { <p class="basis-hint">{hint}</p> })}
                <Bridge/>
                <MetricsSection/>
                <GuidanceSection/>
                <StockSection/>
                <DealsSection/>
                <AnalystsSection/>
                <WatchSection/>
                <FaqSection/>
                <SourcesSection/>
                <GlossarySection/>
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

/// The page inside an iframe: no page chrome, only what the view is about
/// (one card, one answer or one section), with a share link, a way out to
/// the full report, and the basis switch where what it shows follows it.
#[component]
fn EmbedPage(problems: RwSignal<Vec<Problem>>) -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    // What the embed is about is fixed when it starts (its page says it);
    // inside a section the reader may still open cards or answers.
    let focus = ex
        .view
        .with_untracked(ViewState::focus)
        .unwrap_or(Focus::Section(Section::Metrics));
    let switch = follows_basis(&report, &focus).then(|| view! { <BasisSwitch/> });
    let terms: Vec<Term> = terms_shown(&report, &focus).into_iter().cloned().collect();
    let terms = (!terms.is_empty() && focus != Focus::Section(Section::Glossary))
        .then(|| view! { <TermList terms=terms hidden_list=true/> });
    let full_report = move || ex.view.with(|v| ex.link(&v.shared()));
    let card = match &focus {
        Focus::Card(id) => report.card(id).cloned(),
        _ => None,
    };
    let answer = match &focus {
        Focus::Answer(id) => report.faq_item(id).cloned(),
        _ => None,
    };
    // Each part is typed, so nothing is erased to AnyView.
    let only = move |section: Section| focus == Focus::Section(section);
    let body = view! {
        {card.map(|c| {
            let bridge = report.bridges(&c).then(|| view! { <Bridge/> });
            view! { <MetricCard card=c alone=true/> {bridge} }
        })}
        {answer.map(|q| view! { <AnswerAlone item=q/> })}
        {only(Section::Metrics).then(|| view! {
            <Bridge/>
            <MetricsSection/>
        })}
        {only(Section::Guidance).then(|| view! { <GuidanceSection/> })}
        {only(Section::Stock).then(|| view! { <StockSection/> })}
        {only(Section::Deals).then(|| view! { <DealsSection/> })}
        {only(Section::Analysts).then(|| view! { <AnalystsSection/> })}
        {only(Section::Watch).then(|| view! { <WatchSection/> })}
        {only(Section::Faq).then(|| view! { <FaqSection/> })}
        {only(Section::Sources).then(|| view! { <SourcesSection/> })}
        {only(Section::Glossary).then(|| view! { <GlossarySection/> })}
        {terms}
    };
    view! {
        <div class="page page--embed">
            <header class="embed-head">
                <h1 class="embed-head__title">{report.name()}</h1>
                <div class="embed-head__actions">
                    {switch}
                    <a href=full_report target="_blank" rel="noopener">"Full report ↗"</a>
                </div>
            </header>
            <UrlNotice problems=problems/>
            <AppStopped/>
            <main class="main" id="main">{body}</main>
            <footer class="embed-foot">
                <ShareButton what="this view" view=ex.view/>
                <p>
                    "Earnings Explorer. Figures from " {report.sources.len()} " public documents, each cited in the full report; derived figures say how they are computed."
                </p>
            </footer>
        </div>
    }
}

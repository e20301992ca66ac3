//! The root component, for the pre-render: takes the report (the bundled one
//! by default) and lays out the page of one view, or its embed. Static but
//! for its islands; the browser never runs it (see `main.rs`).

use std::sync::Arc;

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

use super::basis_switch::BasisSwitch;
use super::bridge::Bridge;
use super::embed_dialog::EmbedDialog;
use super::faq::{AnswerAlone, FaqSection};
use super::full_report::FullReportLink;
use super::glossary::{GlossarySection, TermList};
use super::masthead::Masthead;
use super::metric_card::{CompactCard, MetricCard};
use super::section_nav::SectionNav;
use super::sections::*;
use super::share::{share_for, Subject};
use super::sources::SourcesSection;
use super::url_notice::{AppStopped, UrlNotice};
use crate::model::dataset::Term;
use crate::model::{Accounting, Report};
use crate::state::embed::{follows_basis, terms_shown};
use crate::state::url::Focus;
use crate::state::{provide_explorer, use_explorer, Catalogue, Neighbours, Section, ViewState};

/// The whole explorer for one report, as the pre-render writes a page.
#[component]
pub fn App(
    /// The report; the bundled one (compiled in) by default.
    #[prop(optional, into)]
    report: Option<Arc<Report>>,
    /// The path of the page, relative to the app's base, e.g.
    /// `non-gaap/card/net-loss/`.
    #[prop(into, default = String::new())]
    url: String,
    /// The app's base path, ending in `/` (in a site of many reports, the
    /// report's own folder, e.g. `/acme-robotics-q4-2025/`).
    #[prop(into, default = String::from("/"))]
    base: String,
    /// The company's other reports, in a site of many.
    #[prop(default = None)]
    neighbours: Option<Arc<Neighbours>>,
) -> impl IntoView {
    let report = report.unwrap_or_else(|| Arc::new(crate::bundled::report()));
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let catalogue = Arc::new(Catalogue::of(&report));
    let page = ViewState::from_url(path, &catalogue).0.pre_rendered();
    let embed = page.embed;
    let compact = page.compact;
    provide_explorer(report, neighbours, catalogue, page, base);
    match (embed, compact) {
        (true, true) => EitherOf3::A(view! { <CompactEmbedPage/> }),
        (true, false) => EitherOf3::B(view! { <EmbedPage/> }),
        (false, _) => EitherOf3::C(view! { <Page/> }),
    }
}

/// The page of a loaded report.
#[component]
fn Page() -> impl IntoView {
    let ex = use_explorer();
    let has_bridge = ex.report().reconciliation.is_some();
    // Both hints are in the page; it shows the one of its basis.
    let hint = |basis: Accounting| {
        match basis {
        Accounting::NonGaap => "Showing the company's non-GAAP (adjusted) figures where it gives them. The bridge shows how they differ from GAAP.",
        Accounting::Gaap => "Showing GAAP figures. Switch to non-GAAP for the company's adjusted figures and the bridge between the two.",
    }
    };
    let hints = Accounting::ALL
        .into_iter()
        .map(|b| view! { <p class="basis-hint" data-for-basis=b.as_str()>{hint(b)}</p> })
        .collect_view();
    view! {
        <a class="skip-link" href=format!("#{}", Section::Metrics.as_str())>"Skip to the figures"</a>
        <div class="page">
            <Masthead/>
            <section class="toolbar" aria-label="View controls">
                <BasisSwitch/>
                <SectionNav/>
                <div class="share toolbar__share">
                    {share_for(Subject::View)}
                    <EmbedDialog/>
                </div>
            </section>
            <UrlNotice/>
            <AppStopped/>
            <main class="main" id="main">
                {has_bridge.then_some(hints)}
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
fn EmbedPage() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    // What the embed is about is fixed by its page; inside a section the
    // reader may still open cards or answers.
    let focus = ex
        .page()
        .focus()
        .unwrap_or(Focus::Section(Section::Metrics));
    let switch = follows_basis(&ex.shared.catalogue(), &focus).then(|| view! { <BasisSwitch/> });
    let terms: Vec<Term> = terms_shown(&report, &focus).into_iter().cloned().collect();
    let terms = (!terms.is_empty() && focus != Focus::Section(Section::Glossary))
        .then(|| view! { <TermList terms=terms hidden_list=true/> });
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
                    <FullReportLink/>
                </div>
            </header>
            <UrlNotice/>
            <AppStopped/>
            <main class="main" id="main">{body}</main>
            <footer class="embed-foot">
                {share_for(Subject::View)}
                <p>
                    "Earnings Explorer. Figures from " {report.sources.len()} " public documents, each cited in the full report; derived figures say how they are computed."
                </p>
            </footer>
        </div>
    }
}

/// An embed in its compact form (`embed/compact/…`): one card as its number,
/// or the headline figures as their closed cards with the basis switch (what
/// a pasted link to the report shows); no bridge, a link to the full report.
/// What it is about is on the basis of its page.
#[component]
fn CompactEmbedPage() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    let focus = ex.page().focus();
    let card = match &focus {
        Some(Focus::Card(id)) => report.card(id).cloned(),
        _ => None,
    };
    let metrics = Focus::Section(Section::Metrics);
    let switch = (card.is_none() && follows_basis(&ex.shared.catalogue(), &metrics))
        .then(|| view! { <div class="embed-head__actions"><BasisSwitch/></div> });
    let body = match card {
        Some(c) => Either::Left(view! { <CompactCard card=c/> }),
        None => {
            let focus = Focus::Section(Section::Metrics);
            let terms: Vec<Term> = terms_shown(&report, &focus).into_iter().cloned().collect();
            Either::Right(view! {
                <MetricsSection compact=true/>
                <footer class="embed-foot"><FullReportLink/></footer>
                <TermList terms=terms hidden_list=true/>
            })
        }
    };
    view! {
        <div class="page page--embed page--compact">
            <header class="embed-head">
                <h1 class="embed-head__title">{report.name()}</h1>
                {switch}
            </header>
            <UrlNotice/>
            <AppStopped/>
            <main class="main" id="main">{body}</main>
        </div>
    }
}

//! A headline metric as an expandable card: value, basis, comparison badge,
//! and on opening what it means, a chart and every figure behind it. Static:
//! a card that follows the basis carries both forms of its figure, and the
//! page shows the one of its basis (`<html data-basis>`, see `style/`).

use leptos::either::Either;
use leptos::prelude::*;

use super::badge::ComparisonBadge;
use super::chart::{MiniChart, Row};
use super::figure::{FactList, FigureValue, RichText};
use super::prior::PriorQuarter;
use super::share::{share_for, Subject};
use crate::model::dataset::{Card, CardValue, Chart};
use crate::model::{Accounting, Report};
use crate::state::{use_explorer, ViewState};

/// The chart a card asks for, as rows of figures.
fn chart_rows(report: &Report, chart: &Chart) -> Vec<Row> {
    let ids: Vec<&String> = match chart {
        Chart::Bars(ids) => ids.iter().collect(),
        Chart::Shift { from, to } => vec![from, to],
    };
    ids.into_iter()
        .filter_map(|id| report.figure(id))
        .map(|f| Row {
            label: format!("{}, {}", f.label, f.period),
            figure: f.clone(),
        })
        .collect()
}

/// One metric card. Opening it records it in the URL; one card is open at a
/// time. `alone` (the embed of one card) shows it open for good, with its
/// summary as a header rather than a control.
#[component]
pub fn MetricCard(
    card: Card,
    /// The card on its own, always open.
    #[prop(optional)]
    alone: bool,
) -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    let is_open = alone || ex.page().card.as_deref() == Some(card.id.as_str());
    let chart = card.chart.as_ref().map(|c| {
        let caption = format!("{}: the figures compared", card.title);
        view! { <MiniChart caption=caption rows=chart_rows(&report, c)/> }
    });
    let switches = card.non_gaap.is_some().then(|| {
        view! {
            <span class="card__switches" title="This card follows the GAAP / non-GAAP switch">
                "Follows the basis switch"
            </span>
        }
    });
    // Alone, the card is the embed's main part: a level-2 heading.
    let title = if alone {
        Either::Left(view! { <h2 class="card__title">{card.title.clone()}</h2> })
    } else {
        Either::Right(view! { <h3 class="card__title">{card.title.clone()}</h3> })
    };
    let summary = view! { {title} <CardForms card=card.clone()/> {switches} };
    let body = view! {
        <div class="card__body">
            <p class="card__about"><RichText text=card.about.clone()/></p>
            <PriorQuarter card=card.clone()/>
            {chart}
            <FactList ids=card.details.clone()/>
            // Alone, the embed's own "Copy link" is this card's.
            {(!alone).then(|| share_for(Subject::Card(card.id.clone())))}
        </div>
    };
    let inner = if alone {
        Either::Left(view! {
            <header class="card__summary">{summary}</header>
            {body}
        })
    } else {
        Either::Right(view! {
            <details class="card__details" open=is_open>
                <summary class="card__summary">{summary}</summary>
                {body}
            </details>
        })
    };
    view! {
        <article class=if alone { "card card--alone" } else { "card" } id=format!("card-{}", card.id)>
            {inner}
        </article>
    }
}

/// A card's value and comparison badge; a card that follows the basis
/// carries both forms, and the page shows the one of its basis.
#[component]
fn CardForms(card: Card) -> impl IntoView {
    let report = use_explorer().report();
    // The figure and its badge as one basis shows them.
    let figure = |shown: &CardValue| {
        let value = report
            .figure(&shown.figure)
            .cloned()
            .map(|f| view! { <FigureValue figure=f large=true/> });
        let badge = shown
            .comparison
            .clone()
            .map(|c| view! { <ComparisonBadge id=c/> });
        (view! { <span class="card__value">{value}</span> }, badge)
    };
    // A card that follows the basis carries both forms; the page shows one.
    if card.non_gaap.is_some() {
        Either::Left(
            Accounting::ALL
                .into_iter()
                .map(|basis| {
                    let (value, badge) = figure(card.shown(basis));
                    view! { <span class="card__form" data-for-basis=basis.as_str()>{value} {badge}</span> }
                })
                .collect_view(),
        )
    } else {
        let (value, badge) = figure(card.shown(Accounting::default()));
        Either::Right(view! { {value} {badge} })
    }
}

/// A card among the compact embed's headline figures: it does not open (the
/// embed keeps within a CMS's frame); its title links to the full card, in a
/// new tab, on the basis shown: one link per basis, of which the page shows
/// the one of its basis (as it does the card's forms), so a switch in the
/// embed carries over without code. The whole card is the link's target area.
#[component]
pub fn LinkedCard(card: Card) -> impl IntoView {
    let ex = use_explorer();
    let links = Accounting::ALL
        .into_iter()
        .map(|basis| {
            let href = ex.link(&ViewState {
                basis,
                card: Some(card.id.clone()),
                ..ViewState::default()
            });
            view! {
                <a class="card__link" data-for-basis=basis.as_str() href=href target="_blank" rel="noopener">
                    {card.title.clone()}
                </a>
            }
        })
        .collect_view();
    view! {
        <article class="card card--link" id=format!("card-{}", card.id)>
            <div class="card__summary">
                <h3 class="card__title">{links}</h3>
                <CardForms card=card.clone()/>
            </div>
        </article>
    }
}

/// A card in its compact form, the embed of one number: its title, value
/// and tag, comparison, where the figure comes from, and a link to the full
/// card. Nothing opens; it is the whole embed.
#[component]
pub fn CompactCard(card: Card) -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    let full = ex.link(&ViewState {
        basis: ex.basis(),
        card: Some(card.id.clone()),
        ..Default::default()
    });
    let more = move || {
        view! { <a class="card__more" href=full.clone() target="_blank" rel="noopener">"Full card ↗"</a> }
    };
    let form = |shown: &CardValue| {
        let figure = report.figure(&shown.figure).cloned();
        // One line: the document (the full card cites the place in it).
        let source = figure.as_ref().map(|f| match (&f.formula, &f.source) {
            (None, Some(at)) => format!(
                "Source: {}",
                report
                    .source(&at.doc)
                    .map_or(at.doc.as_str(), |d| d.name.as_str())
            ),
            _ => report.provenance(f),
        });
        let value = figure.map(|f| view! { <FigureValue figure=f large=true/> });
        let badge = shown
            .comparison
            .clone()
            .map(|c| view! { <ComparisonBadge id=c/> });
        (value, badge, source)
    };
    let forms = if card.non_gaap.is_some() {
        Either::Left(
            Accounting::ALL
                .into_iter()
                .map(|basis| {
                    let (value, badge, source) = form(card.shown(basis));
                    view! {
                        <div class="card__form" data-for-basis=basis.as_str()>
                            <span class="card__value">{value}</span>
                            {badge}
                            <p class="card__source">{source} " · " {more()}</p>
                        </div>
                    }
                })
                .collect_view(),
        )
    } else {
        let (value, badge, source) = form(card.shown(Accounting::default()));
        Either::Right(view! {
            <span class="card__value">{value}</span>
            {badge}
            <p class="card__source">{source} " · " {more()}</p>
        })
    };
    view! {
        <article class="card card--alone card--compact" id=format!("card-{}", card.id)>
            <div class="card__summary">
                <h2 class="card__title">{card.title.clone()}</h2>
                {forms}
            </div>
        </article>
    }
}

//! A headline metric as an expandable card: value, basis, comparison badge,
//! and on opening what it means, a chart and every figure behind it.

use leptos::either::Either;
use leptos::prelude::*;

use super::badge::ComparisonBadge;
use super::chart::{MiniChart, Row};
use super::figure::{FactList, FigureValue, RichText};
use super::share::ShareButton;
use crate::model::dataset::{Card, CardValue, Chart};
use crate::model::Report;
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
    let id = StoredValue::new(card.id.clone());
    let stored = StoredValue::new(card.clone());
    let shown = move || -> CardValue { stored.with_value(|c| c.shown(ex.basis()).clone()) };
    let is_open = move || alone || id.with_value(|id| ex.card_open(id));
    let headline = move || {
        let report = ex.report();
        report
            .figure(&shown().figure)
            .cloned()
            .map(|f| view! { <FigureValue figure=f large=true/> })
    };
    let badge = move || {
        shown()
            .comparison
            .map(|c| view! { <ComparisonBadge id=c/> })
    };
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
    let summary = move || {
        let title = stored.with_value(|c| c.title.clone());
        // Alone, the card is the embed's main part: a level-2 heading.
        let title = if alone {
            Either::Left(view! { <h2 class="card__title">{title}</h2> })
        } else {
            Either::Right(view! { <h3 class="card__title">{title}</h3> })
        };
        view! {
            {title}
            <span class="card__value">{headline}</span>
            {badge}
        }
    };
    let body = view! {
        <div class="card__body">
            <p class="card__about"><RichText text=card.about.clone()/></p>
            {chart}
            <FactList ids=card.details.clone()/>
            // Alone, the embed's own "Copy link" is this card's.
            {(!alone).then(|| view! {
                <ShareButton
                    what=format!("the {} card", card.title)
                    view=Signal::derive(move || ViewState { card: Some(id.get_value()), faq: None, section: None, ..ex.view.get() })
                />
            })}
        </div>
    };
    let inner = if alone {
        Either::Left(view! {
            <header class="card__summary">{summary()} {switches}</header>
            {body}
        })
    } else {
        Either::Right(view! {
            <details
                class="card__details"
                open=is_open
                on:toggle=move |ev| {
                    let el = event_target::<web_sys::HtmlDetailsElement>(&ev);
                    id.with_value(|id| ex.toggle_card(id, el.open()));
                }
            >
                <summary class="card__summary">{summary()} {switches}</summary>
                {body}
            </details>
        })
    };
    view! {
        <article
            class=move || match (alone, is_open()) {
                (true, _) => "card card--open card--alone",
                (false, true) => "card card--open",
                (false, false) => "card",
            }
            id=format!("card-{}", card.id)
        >
            {inner}
        </article>
    }
}

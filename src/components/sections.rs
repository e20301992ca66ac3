//! The report's sections below the headline cards: guidance, the stock
//! reaction, partner deals, analyst targets and what to watch. Each renders
//! only what the dataset holds.

use leptos::either::Either;
use leptos::prelude::*;

use super::chart::{Marks, MiniChart, PriceChart, Reading, Row};
use super::figure::{FactList, FigureValue, RichText};
use super::metric_card::{LinkedCard, MetricCard};
use super::page_section::PageSection;
use crate::model::format;
use crate::state::{use_explorer, Section};

/// The headline metric cards. `compact` (the compact embed, which must fit
/// a CMS's 1,000 px frame at 280 px): no lead, and cards that link to their
/// full card rather than open.
#[component]
pub fn MetricsSection(#[prop(optional)] compact: bool) -> impl IntoView {
    let report = use_explorer().report();
    let cards = report
        .cards
        .iter()
        .map(|c| {
            if compact {
                Either::Left(view! { <LinkedCard card=c.clone()/> })
            } else {
                Either::Right(view! { <MetricCard card=c.clone()/> })
            }
        })
        .collect_view();
    let lead = (!compact).then(|| {
        view! {
            <p class="section__lead">"Open a card for what the figure means, how it compares, a chart and its sources."</p>
        }
    });
    view! {
        <PageSection section=Section::Metrics>
            {lead}
            <div class="cards">{cards}</div>
        </PageSection>
    }
}

/// The company's guidance for coming periods.
#[component]
pub fn GuidanceSection() -> impl IntoView {
    let report = use_explorer().report();
    if report.guidance.is_empty() {
        return None;
    }
    let items = report
        .guidance
        .iter()
        .filter_map(|g| {
            let f = report.figure(&g.figure)?.clone();
            Some(view! {
                <article class="panel">
                    <h3 class="panel__title">{f.label.clone()} " " <span class="panel__period">{f.period.clone()}</span></h3>
                    <p class="panel__value"><FigureValue figure=f large=true/></p>
                    <p><RichText text=g.about.clone()/></p>
                    <FactList ids=g.context.clone()/>
                </article>
            })
        })
        .collect_view();
    Some(view! {
        <PageSection section=Section::Guidance>
            <div class="panels">{items}</div>
        </PageSection>
    })
}

/// The share price from the IPO to the after-hours reaction.
#[component]
pub fn StockSection() -> impl IntoView {
    let report = use_explorer().report();
    let stock = report.stock.clone()?;
    let date = |d: &str| format::date(d).unwrap_or_else(|| d.to_string());
    let readings: Vec<Reading> = stock
        .timeline
        .iter()
        .filter_map(|e| {
            let f = report.figure(e.price.as_ref()?)?;
            Some(Reading {
                date: date(&e.date),
                figure: f.clone(),
            })
        })
        .collect();
    let index = stock
        .index
        .as_deref()
        .and_then(|id| report.figure(id))
        .cloned();
    let chart = view! { <PriceChart readings=readings index=index/> };
    let events = stock
        .timeline
        .iter()
        .map(|e| {
            let price = e
                .price
                .as_ref()
                .and_then(|p| report.figure(p))
                .cloned()
                .map(|f| view! { <p class="timeline__price"><FigureValue figure=f/></p> });
            view! {
                <li class="timeline__item">
                    <time class="timeline__date" datetime=e.date.clone()>{date(&e.date)}</time>
                    <p class="timeline__event"><RichText text=e.event.clone()/></p>
                    {price}
                    <FactList ids=e.figures.clone()/>
                </li>
            }
        })
        .collect_view();
    let facts = (!stock.facts.is_empty()).then(|| {
        view! {
            <h3 class="section__subtitle">"The market that day"</h3>
            <FactList ids=stock.facts.clone()/>
        }
    });
    Some(view! {
        <PageSection section=Section::Stock>
            <p class="section__lead"><RichText text=stock.about.clone()/></p>
            {chart}
            <ol class="timeline">{events}</ol>
            {facts}
        </PageSection>
    })
}

/// Partner agreements announced with the results.
#[component]
pub fn DealsSection() -> impl IntoView {
    let report = use_explorer().report();
    if report.deals.is_empty() {
        return None;
    }
    let deals = report
        .deals
        .iter()
        .map(|d| {
            let source = format!("Source: {}", report.cite(&d.source));
            view! {
                <article class="panel" id=format!("deal-{}", d.id)>
                    <h3 class="panel__title">{d.partner.clone()}</h3>
                    <p class="panel__kicker"><RichText text=d.structure.clone()/></p>
                    <p><RichText text=d.about.clone()/></p>
                    <FactList ids=d.figures.clone()/>
                    <p class="panel__source">{source}</p>
                </article>
            }
        })
        .collect_view();
    Some(view! {
        <PageSection section=Section::Deals>
            <div class="panels">{deals}</div>
        </PageSection>
    })
}

/// Analysts' ratings and price targets, with the upside to the reference price.
#[component]
pub fn AnalystsSection() -> impl IntoView {
    let report = use_explorer().report();
    let analysts = report.analysts.clone()?;
    let reference = report.figure(&analysts.reference)?.clone();
    let mut rows = vec![Row {
        label: format!("{}, {}", reference.label, reference.period),
        figure: reference.clone(),
    }];
    let table_rows = analysts
        .targets
        .iter()
        .filter_map(|t| {
            let target = report.figure(&t.target)?.clone();
            rows.push(Row {
                label: t.firm.clone(),
                figure: target.clone(),
            });
            let upside = report.upside(t)?;
            let formula = upside.formula.clone().unwrap_or_default();
            Some(view! {
                <tr>
                    <th scope="row">{t.firm.clone()}</th>
                    <td>{t.rating.clone()}</td>
                    <td><FigureValue figure=target/></td>
                    <td><FigureValue figure=upside/> <span class="table__formula">{formula}</span></td>
                </tr>
            })
        })
        .collect_view();
    Some(view! {
        <PageSection section=Section::Analysts>
            <p class="section__lead"><RichText text=analysts.about.clone()/></p>
            <MiniChart caption="Price targets against the reference price" rows=rows marks=Marks::Dots/>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Analyst targets table">
                <table class="table">
                    <caption class="visually-hidden">"Analyst ratings, price targets and upside"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Firm"</th>
                            <th scope="col">"Rating"</th>
                            <th scope="col">"Target"</th>
                            <th scope="col">"Upside to " {reference.label.to_lowercase()} " (derived)"</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </PageSection>
    })
}

/// The next report and the questions it should answer.
#[component]
pub fn WatchSection() -> impl IntoView {
    let report = use_explorer().report();
    let watch = report.watch.clone()?;
    let next = watch.next_report.clone();
    let source = format!("Source: {}", report.cite(&next.source));
    let questions = watch
        .questions
        .iter()
        .map(|q| view! { <li><RichText text=q.clone() untagged=true/></li> })
        .collect_view();
    let points = move |title: &'static str, list: &[crate::model::dataset::Point]| {
        (!list.is_empty()).then(|| {
            let items = list
                .iter()
                .map(|p| {
                    let source = report.cite(&p.source);
                    view! {
                        <li class="point">
                            <strong class="point__title"><RichText text=p.title.clone() untagged=true/></strong>
                            " "
                            <RichText text=p.text.clone()/>
                            <span class="point__source">{source}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3 class="section__subtitle">{title}</h3>
                <ul class="points">{items}</ul>
            }
        })
    };
    Some(view! {
        <PageSection section=Section::Watch>
            <p class="watch__next">
                "Next report: " <strong><RichText text=next.label.clone()/></strong> ", "
                <time datetime=next.date.clone()>{format::date(&next.date).unwrap_or_default()}</time>
                <span class="point__source">{source}</span>
            </p>
            <h3 class="section__subtitle">"Questions it should answer"</h3>
            <ol class="questions">{questions}</ol>
            {points("What may be squeezing the margin", &watch.drivers)}
            {points("Longer-term signals", &watch.signals)}
        </PageSection>
    })
}

//! The reconciliation bridge: a waterfall from the GAAP figure through each
//! adjustment to the non-GAAP figure, with its data table.

use leptos::prelude::*;

use super::figure::{FigureValue, RichText};
use crate::model::chart::{extent, svg_extent, waterfall, Scale, StepKind};
use crate::model::format::{self, Sign};
use crate::model::{Accounting, Figure};
use crate::state::use_explorer;

/// The bridge between the two bases; nothing when the report has none.
/// It is always in the page and shown on the non-GAAP basis only
/// (`data-for-basis`, see `style/`), so switching builds nothing.
#[component]
pub fn Bridge() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    let rec = report.reconciliation.clone()?;
    let from = report.figure(&rec.from)?.clone();
    let to = report.figure(&rec.to)?.clone();
    let adjustments: Vec<Figure> = rec
        .adjustments
        .iter()
        .filter_map(|id| report.figure(id).cloned())
        .collect();
    let start = from.value.central()?;
    let amounts: Vec<f64> = adjustments
        .iter()
        .filter_map(|a| a.value.central())
        .map(|q| q.to_f64_base())
        .collect();
    let steps = waterfall(start.to_f64_base(), &amounts);
    let ends: Vec<f64> = steps.iter().flat_map(|s| [s.start, s.end]).collect();
    let scale = Scale::including_zero(&ends, 0.0, 100.0);

    let figures: Vec<Figure> = std::iter::once(from.clone())
        .chain(adjustments.iter().cloned())
        .chain(std::iter::once(to.clone()))
        .collect();
    let bars = steps
        .iter()
        .zip(&figures)
        .map(|(step, f)| {
            let (x, width) = svg_extent(extent(&scale, step.start, step.end));
            let kind = match step.kind {
                StepKind::Total => "total",
                StepKind::Up => "up",
                StepKind::Down => "down",
            };
            view! {
                <div class="chart__row">
                    <span class="chart__label">{f.label.clone()}</span>
                    <span class="chart__value">{f.display()}</span>
                    <svg class="chart__plot" aria-hidden="true" focusable="false">
                        <rect class=format!("chart__step chart__step--{kind}") x=x width=width height="100%" rx="2"></rect>
                    </svg>
                </div>
            }
        })
        .collect_view();

    // Running totals for the table, exact (the model sums them).
    let rows: Vec<(Figure, String)> = report
        .bridge_steps()?
        .into_iter()
        .map(|(f, total)| (f.clone(), format::quantity(&total, Sign::NegativeOnly)))
        .collect();
    let table_rows = rows
        .into_iter()
        .map(|(f, total)| {
            view! {
                <tr>
                    <th scope="row">{f.label.clone()}</th>
                    <td><FigureValue figure=f/></td>
                    <td>{total}</td>
                </tr>
            }
        })
        .collect_view();
    let caption = format!("From {} to {}", from.label, to.label);
    Some(view! {
        <div class="bridge-slot" data-for-basis=Accounting::NonGaap.as_str()>
        <section class="bridge" aria-labelledby="bridge-title">
            <h2 class="bridge__title" id="bridge-title">"Reconciliation: GAAP to non-GAAP"</h2>
            <p class="bridge__about"><RichText text=rec.about/></p>
            <figure class="chart chart--bridge">
                <figcaption class="chart__caption">{caption.clone()}</figcaption>
                <div class="chart__rows" aria-hidden="true">{bars}</div>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Reconciliation table">
                <table class="table">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr><th scope="col">"Step"</th><th scope="col">"Amount"</th><th scope="col">"Running total"</th></tr>
                    </thead>
                    <tbody>
                        {table_rows}
                        <tr class="table__total">
                            <th scope="row">{to.label.clone()}</th>
                            <td><FigureValue figure=to.clone()/></td>
                            <td>{to.display()}</td>
                        </tr>
                    </tbody>
                </table>
                </div>
            </figure>
        </section>
        </div>
    })
}

//! A small chart of figures as horizontal bars (levels from zero) or dots
//! (prices on their own scale), with a data table behind it for screen
//! readers. Ranges (guidance, target bands) show as a band.

use leptos::either::Either;
use leptos::prelude::*;

use super::figure::FigureValue;
use crate::model::chart::{extent, svg_extent, Scale};
use crate::model::Figure;

/// How values are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Marks {
    /// Bars from a zero baseline: for amounts and percentages.
    #[default]
    Bars,
    /// Dots on a scale fitted to the values: for prices.
    Dots,
}

/// `a% + b%`, both as [`svg_extent`] writes them.
fn add_pct(a: &str, b: &str) -> String {
    let hundredths = |s: &str| -> i64 {
        s.trim_end_matches('%')
            .replace('.', "")
            .parse()
            .unwrap_or(0)
    };
    let h = hundredths(a) + hundredths(b);
    format!("{}.{:02}%", h / 100, h % 100)
}

/// A labelled figure to plot.
#[derive(Clone, Debug)]
pub struct Row {
    pub label: String,
    pub figure: Figure,
}

/// A chart of a few figures, one row each.
#[component]
pub fn MiniChart(
    /// What the chart shows; it also captions the data table.
    #[prop(into)]
    caption: String,
    rows: Vec<Row>,
    #[prop(optional)] marks: Marks,
) -> impl IntoView {
    let bounds: Vec<(f64, f64)> = rows
        .iter()
        .map(|r| {
            r.figure
                .value
                .bounds()
                .map(|(lo, hi)| (lo.to_f64_base(), hi.to_f64_base()))
                .unwrap_or((0.0, 0.0))
        })
        .collect();
    let all: Vec<f64> = bounds.iter().flat_map(|&(a, b)| [a, b]).collect();
    let scale = match marks {
        Marks::Bars => Scale::including_zero(&all, 0.0, 100.0),
        Marks::Dots => Scale::padded(&all, 0.15, 0.0, 100.0),
    };
    let plotted = rows
        .iter()
        .zip(&bounds)
        .filter(|(r, _)| r.figure.value.bounds().is_some())
        .map(|(r, &(lo, hi))| {
            let marks_view = match marks {
                Marks::Bars => {
                    let (x, width) = svg_extent(extent(&scale, 0.0, lo));
                    let band = (hi != lo).then(|| svg_extent(extent(&scale, lo, hi)));
                    let negative = lo < 0.0;
                    Either::Left(view! {
                        <rect class=if negative { "chart__bar chart__bar--negative" } else { "chart__bar" } x=x width=width height="100%" rx="2"></rect>
                        {band.map(|(x, width)| view! { <rect class="chart__band" x=x width=width height="100%" rx="2"></rect> })}
                    })
                }
                Marks::Dots => {
                    // A round-capped line: a dot for one value, a pill for a range.
                    let (x, width) = svg_extent(extent(&scale, lo, hi));
                    let (x1, x2) = (x.clone(), add_pct(&x, &width));
                    Either::Right(view! { <line class="chart__dot" x1=x1 x2=x2 y1="50%" y2="50%"></line> })
                }
            };
            view! {
                <div class="chart__row">
                    <span class="chart__label">{r.label.clone()}</span>
                    <span class="chart__value">{r.figure.display()}</span>
                    <svg class="chart__plot" aria-hidden="true" focusable="false">{marks_view}</svg>
                </div>
            }
        })
        .collect_view();
    let table_rows = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.label}</th>
                    <td><FigureValue figure=r.figure/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <figcaption class="chart__caption">{caption.clone()}</figcaption>
            <div class="chart__rows" aria-hidden="true">{plotted}</div>
            // Tables size to their content, so the hiding goes on a wrapper.
            <div class="visually-hidden">
                <table>
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Item"</th><th scope="col">"Value"</th></tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </figure>
    }
}

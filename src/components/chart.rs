//! A small chart of figures as horizontal bars (levels from zero) or dots
//! (prices on their own scale), with a data table behind it for screen
//! readers. Ranges (guidance, target bands) show as a band.

use leptos::either::Either;
use leptos::prelude::*;

use super::figure::FigureValue;
use crate::model::chart::{extent, svg_extent, ticks, Scale};
use crate::model::format;
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

/// One reading of the share price, for [`PriceChart`].
#[derive(Clone, Debug)]
pub struct Reading {
    /// When, as a reader writes it: "23 Jun 2026".
    pub date: String,
    pub figure: Figure,
}

/// The share price at each reading, in order: a price axis with round
/// values, each reading a labelled point with its date, joined by dashed
/// lines (the sources give no prices in between, so the steps are evenly
/// spaced, not a time scale), and the market index's move beside it as
/// context. The same data is a table for screen readers.
#[component]
pub fn PriceChart(
    /// The readings, oldest first.
    readings: Vec<Reading>,
    /// An index's move over the last session, shown as context.
    index: Option<Figure>,
) -> impl IntoView {
    const TOP: f64 = 34.0;
    const BOTTOM: f64 = 176.0;
    let points: Vec<(f64, Reading)> = readings
        .into_iter()
        .filter_map(|r| {
            let (lo, hi) = r.figure.value.bounds()?;
            Some(((lo.to_f64_base() + hi.to_f64_base()) / 2.0, r))
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let values: Vec<f64> = points.iter().map(|(v, _)| *v).collect();
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let axis = ticks(lo, hi, 4);
    let (first, last) = (axis[0], axis[axis.len() - 1]);
    let scale = Scale::padded(&[first, last], 0.0, BOTTOM, TOP);
    let at = move |v: f64, shift: f64| format!("{:.1}", scale.at(v) + shift);
    let y = move |v: f64| at(v, 0.0);
    let n = points.len();
    let x = |i: usize| {
        let at = if n == 1 {
            58.0
        } else {
            22.0 + 70.0 * i as f64 / (n - 1) as f64
        };
        format!("{at:.2}%")
    };
    let grid = axis
        .iter()
        .map(|&t| {
            let label = format!("${}", t.round() as i64);
            view! {
                <line class="price-chart__grid" x1="12%" x2="100%" y1=y(t) y2=y(t)></line>
                <text class="price-chart__tick" x="0" y=at(t, 4.0)>{label}</text>
            }
        })
        .collect_view();
    let joins = (1..n)
        .map(|i| {
            view! {
                <line class="price-chart__line" x1=x(i - 1) x2=x(i) y1=y(points[i - 1].0) y2=y(points[i].0)></line>
            }
        })
        .collect_view();
    let marks = points
        .iter()
        .enumerate()
        .map(|(i, (v, r))| {
            let label = format::wrap(&r.figure.label, 14)
                .into_iter()
                .enumerate()
                .map(|(j, line)| view! { <tspan x=x(i) dy=if j == 0 { "1.25em" } else { "1.15em" }>{line}</tspan> })
                .collect_view();
            view! {
                <circle class="price-chart__point" cx=x(i) cy=y(*v) r="5"></circle>
                <text class="price-chart__value" x=x(i) y=at(*v, -11.0)>{r.figure.display()}</text>
                <text class="price-chart__date" x=x(i) y="194">
                    <tspan x=x(i) class="price-chart__when">{r.date.clone()}</tspan>
                    {label}
                </text>
            }
        })
        .collect_view();
    let rows = points
        .iter()
        .map(|(_, r)| {
            view! {
                <tr>
                    <th scope="row">{r.date.clone()} ", " {r.figure.label.clone()}</th>
                    <td><FigureValue figure=r.figure.clone()/></td>
                </tr>
            }
        })
        .collect_view();
    let context = index.map(|f| {
        view! {
            <p class="price-chart__context">
                <span class="price-chart__key" aria-hidden="true"></span>
                "For comparison: " {f.label.clone()} " " <FigureValue figure=f/>
            </p>
        }
    });
    let caption = "The share price at each reading the sources give";
    Some(view! {
        <figure class="chart price-chart">
            <figcaption class="chart__caption">{caption}</figcaption>
            <svg class="price-chart__plot" aria-hidden="true" focusable="false">
                {grid}
                {joins}
                {marks}
            </svg>
            {context}
            <div class="visually-hidden">
                <table>
                    <caption>{caption}</caption>
                    <thead><tr><th scope="col">"Reading"</th><th scope="col">"Price"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </figure>
    })
}

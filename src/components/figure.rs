//! How a figure appears anywhere on the page: its value with its basis tag,
//! and its provenance one hover (or one table row, in Sources) away.

use leptos::either::Either;
use leptos::prelude::*;

use super::term::TermButton;
use crate::model::text::{segments, Segment};
use crate::model::{Basis, Figure};
use crate::state::use_explorer;

/// The small tag that says on what basis a number stands.
#[component]
pub fn BasisTag(basis: Basis) -> impl IntoView {
    view! {
        <span class=format!("tag tag--{}", basis.slug()) title=basis.meaning()>
            {basis.tag()}
        </span>
    }
}

/// A figure's value followed by its basis tag.
#[component]
pub fn FigureValue(
    /// The figure to show.
    figure: Figure,
    /// Shown large, as the headline of a card.
    #[prop(optional)]
    large: bool,
    /// Without its sign, where the words around it give the direction
    /// (`{id:abs}` in a text).
    #[prop(optional)]
    magnitude: bool,
    /// Where its label and source are already on screen beside it (a fact
    /// row, the sources table), no hover text repeats them.
    #[prop(optional)]
    bare: bool,
    /// Without its basis tag, in a heading or a question (its basis is in
    /// its hover text and wherever the figure is answered).
    #[prop(optional)]
    untagged: bool,
) -> impl IntoView {
    let ex = use_explorer();
    let title = (!bare).then(|| {
        format!(
            "{} ({}). {}",
            figure.label,
            figure.period,
            ex.report().provenance(&figure)
        )
    });
    let class = match (large, figure.is_reported()) {
        (true, true) => "fig fig--large",
        (true, false) => "fig fig--large fig--missing",
        (false, true) => "fig",
        (false, false) => "fig fig--missing",
    };
    let tag = (!untagged).then(|| view! { " " <BasisTag basis=figure.basis/> });
    let title = title.map(|t| {
        if untagged {
            format!("{} {t}", figure.basis.tag())
        } else {
            t
        }
    });
    view! {
        <span class=class title=title>
            <span class="fig__value">
                {if magnitude { figure.display_magnitude() } else { figure.display() }}
            </span>
            {tag}
        </span>
    }
}

/// A text of the dataset, with each `{figure}` reference shown as a figure
/// and each kept term mark (`[[words|id]]`, see `model::glossary`) as a
/// term whose definition opens in place.
#[component]
pub fn RichText(
    /// The text, e.g. "Revenue was {revenue}."
    #[prop(into)]
    text: String,
    /// Figures without their basis tags: the text is a question or a
    /// heading (see [`FigureValue`]).
    #[prop(optional)]
    untagged: bool,
) -> impl IntoView {
    let ex = use_explorer();
    segments(&text)
        .into_iter()
        .map(|s| match s {
            Segment::Figure(id) | Segment::Magnitude(id) => match ex.report().figure(id) {
                Some(f) => {
                    let magnitude = matches!(s, Segment::Magnitude(_));
                    Either::Right(Either::Left(
                        view! { <FigureValue figure=f.clone() magnitude=magnitude untagged=untagged/> },
                    ))
                }
                None => Either::Left(id.to_string()),
            },
            Segment::Term {
                words,
                id: Some(id),
            } => Either::Right(Either::Right(
                view! { <TermButton words=words.to_string() id=id.to_string()/> },
            )),
            Segment::Words(w) | Segment::Term { words: w, .. } => Either::Left(w.to_string()),
        })
        .collect_view()
}

/// One figure as a labelled row: label and period, value, and where it comes
/// from (source or formula), with its note.
#[component]
pub fn FactRow(figure: Figure) -> impl IntoView {
    let ex = use_explorer();
    let provenance = ex.report().provenance(&figure);
    let note = figure.note.clone();
    view! {
        <div class="fact">
            <dt class="fact__label">
                {figure.label.clone()} " " <span class="fact__period">{figure.period.clone()}</span>
            </dt>
            <dd class="fact__value">
                <FigureValue figure=figure bare=true/>
                <span class="fact__source">{provenance}</span>
                {note.map(|n| view! { <span class="fact__note"><RichText text=n/></span> })}
            </dd>
        </div>
    }
}

/// A list of figures by id, as [`FactRow`]s.
#[component]
pub fn FactList(ids: Vec<String>) -> impl IntoView {
    let ex = use_explorer();
    let rows = ids
        .iter()
        .filter_map(|id| ex.report().figure(id).cloned())
        .map(|f| view! { <FactRow figure=f/> })
        .collect_view();
    view! { <dl class="facts">{rows}</dl> }
}

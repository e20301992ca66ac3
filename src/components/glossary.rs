//! The glossary. A term marked in a text is a button that opens its
//! definition in place, and the Glossary section lists every definition.
//! One element per term does both: a `popover` that is an entry of the
//! section's list while closed, and floats by its term when a button opens it.
//! The Popover API is declarative (`popovertarget`), so terms open, close with
//! Escape and return focus without the wasm. (`<details>` cannot be the
//! fallback inside a sentence: it is not allowed in a paragraph.)

use leptos::prelude::*;

use super::figure::{FigureValue, RichText};
use super::page_section::PageSection;
use super::term::definition_id;
use crate::model::dataset::Term;
use crate::state::{use_explorer, Section};

/// The definitions of `terms`, as a list whose entries the term buttons open
/// in place: a visible list in the Glossary section, or (`hidden_list`, in an
/// embed) only the open one on screen and the whole list in print.
#[component]
pub fn TermList(
    /// The terms, in the order listed.
    terms: Vec<Term>,
    /// Shows the entries only when opened (and in print).
    #[prop(optional)]
    hidden_list: bool,
) -> impl IntoView {
    let report = use_explorer().report();
    let entries = terms
        .into_iter()
        .map(|t| {
            let id = definition_id(&t.id);
            let name_id = format!("{id}-name");
            let close_target = id.clone();
            let figure = t
                .figure
                .as_deref()
                .and_then(|f| report.figure(f))
                .cloned()
                .map(|f| {
                    view! {
                        <span class="term-def__figure">
                            "In this report: " {f.label.clone()} " " <FigureValue figure=f bare=true/>
                        </span>
                    }
                });
            let expansion = t
                .expansion
                .map(|e| view! { " " <span class="term-def__expansion">"(" {e} ")"</span> });
            view! {
                // No aria-labelledby: a `div` in a `dl` may carry no role,
                // and a name needs one. The popover opens by its term's
                // button, which names it.
                <div class="term-def" id=id popover="auto">
                    <dt class="term-def__term"><dfn id=name_id>{t.term}</dfn> {expansion}</dt>
                    <dd class="term-def__definition">
                        <RichText text=t.definition/>
                        " "
                        {figure}
                        <button type="button" class="term-def__close" popovertarget=close_target popovertargetaction="hide">
                            "Close"
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let class = if hidden_list {
        "glossary glossary--on-demand"
    } else {
        "glossary"
    };
    view! { <dl class=class>{entries}</dl> }
}

/// Every term of the report, defined.
#[component]
pub fn GlossarySection() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    if report.glossary.is_empty() {
        return None;
    }
    let summary = format!("All {} terms", report.glossary.len());
    // The list is closed until asked for, by a fold beside it rather than
    // around it: an entry is also the popover a term opens in the text, and
    // nothing inside a closed `<details>` is drawn, not even a popover.
    Some(view! {
        <PageSection section=Section::Glossary>
            <p class="section__lead">
                "The terms this report uses, in plain words. A term with a dotted underline in the text opens its definition where it stands."
            </p>
            <details class="fold" open=ex.page().embed>
                <summary class="fold__summary">{summary}</summary>
            </details>
            <TermList terms=report.glossary.clone()/>
        </PageSection>
    })
}

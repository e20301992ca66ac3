//! The source documents and a table of every figure with its basis and where
//! it comes from (or how it was computed).

use leptos::prelude::*;

use super::figure::{FigureValue, RichText};
use super::page_section::PageSection;
use crate::model::format;
use crate::state::{use_explorer, Section};

/// Sources and the full figure table.
#[component]
pub fn SourcesSection() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    // Plain links to files the build wrote: they work without the wasm.
    let downloads = report
        .downloads
        .iter()
        .map(|d| {
            let href = ex.file_link(&d.file);
            let label = format!("{} ({})", d.format, format::file_size(d.bytes));
            view! {
                <li><a class="downloads__link" href=href download=d.file.clone() type=d.media_type.clone()>{label}</a></li>
            }
        })
        .collect_view();
    let downloads = (!report.downloads.is_empty()).then(|| {
        view! {
            <div class="downloads">
                <p class="downloads__lead">"Every figure as a file, one row each, with its basis, exact value, unit and source or formula:"</p>
                <ul class="downloads__list">{downloads}</ul>
            </div>
        }
    });
    let sources = report
        .sources
        .iter()
        .map(|s| {
            view! {
                <li class="sources__item">
                    <cite>{s.title.clone()}</cite>
                    <span class="sources__meta">
                        {s.kind.clone()} ", " {format::date(&s.date).unwrap_or_default()}
                        ". Cited here as “" {s.name.clone()} "”."
                    </span>
                </li>
            }
        })
        .collect_view();
    let rows = report
        .figures()
        .iter()
        .map(|f| {
            let provenance = report.provenance(f);
            let note = f
                .note
                .clone()
                .map(|n| view! { <span class="fact__note"><RichText text=n/></span> });
            view! {
                <tr id=format!("figure-{}", f.id)>
                    <th scope="row">{f.label.clone()}</th>
                    <td>{f.period.clone()}</td>
                    <td><FigureValue figure=f.clone() bare=true/></td>
                    <td>{provenance} {note}</td>
                </tr>
            }
        })
        .collect_view();
    let open = ex.page().embed;
    let summary = format!(
        "The {} documents and all {} figures",
        report.sources.len(),
        report.figures().len()
    );
    view! {
        <PageSection section=Section::Sources>
            <p class="section__lead">
                "Every figure comes from one of these documents or is computed from figures that do, and says which. The text on this page is our own."
            </p>
            // Long, and read by few: closed until asked for (a link to the
            // section opens it; print shows it).
            <details class="fold" open=open>
            <summary class="fold__summary">{summary}</summary>
            <ul class="sources">{sources}</ul>
            <h3 class="section__subtitle">"Every figure"</h3>
            {downloads}
            <div class="table-wrap" tabindex="0" role="region" aria-label="Every figure, with its source">
                <table class="table table--figures">
                    <caption class="visually-hidden">"Every figure of the report with its period, value, basis and source"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Figure"</th>
                            <th scope="col">"Period"</th>
                            <th scope="col">"Value and basis"</th>
                            <th scope="col">"Source or formula"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            </details>
        </PageSection>
    }
}

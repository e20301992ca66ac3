//! A card's metric beside the same metric of the company's previous report,
//! in a site of many reports: the earlier value with its tag and source, the
//! change as a derived figure with its formula, and a link to that card.
//! Compared only on the same basis (`model::season::prior`); where the
//! previous report gives it on another, the card says so.

use leptos::prelude::*;

use super::figure::FigureValue;
use crate::model::dataset::Card;
use crate::model::season::{self, Prior};
use crate::model::Accounting;
use crate::state::{use_explorer, ViewState};

/// The previous quarter's line of a card; nothing where the site has no
/// previous report of the company, or it has no such card.
#[component]
pub fn PriorQuarter(card: Card) -> impl IntoView {
    lines(&card)
}

fn lines(card: &Card) -> Option<impl IntoView> {
    let ex = use_explorer();
    let report = ex.report();
    let neighbours = ex.neighbours()?;
    let (id, previous) = neighbours.previous.clone()?;
    let line = |basis: Accounting| {
        let prior = season::prior(&report, &previous, &card.id, basis)?;
        let href = neighbours.link(
            &id,
            &ViewState {
                basis,
                card: Some(card.id.clone()),
                ..ViewState::default()
            },
        );
        let link = view! { <a href=href>{previous.period.clone()}</a> };
        let content = match prior {
            Prior::Compared {
                figure,
                provenance,
                change,
                percent,
            } => {
                let title = format!("{}. {provenance}", figure.label);
                let percent =
                    percent.map(|p| view! { " (" <FigureValue figure=p untagged=true/> ")" });
                view! {
                    {link} ": " <span title=title><FigureValue figure=figure bare=true/></span>
                    "; change " <FigureValue figure=change/> {percent}
                }
                .into_any()
            }
            Prior::NotCompared { reason, .. } => {
                view! { {link} ": " <span class="card__prior-note">{reason}</span> }.into_any()
            }
        };
        Some((basis, content))
    };
    // A card that follows the switch has a line on each basis.
    let follows = card.non_gaap.is_some();
    let lines: Vec<_> = if follows {
        Accounting::ALL.into_iter().filter_map(line).collect()
    } else {
        line(Accounting::default()).into_iter().collect()
    };
    if lines.is_empty() {
        return None;
    }
    Some(
        lines
            .into_iter()
            .map(|(basis, content)| {
                view! {
                    <p class="card__prior" data-for-basis=follows.then_some(basis.as_str())>
                        "Previous report, " {content}
                    </p>
                }
            })
            .collect_view(),
    )
}

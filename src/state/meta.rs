//! What each view says about itself to link unfurlers and search engines:
//! its description and the headline of its preview image, and the list of
//! views that get a pre-rendered page. Pure.

use super::catalogue::Catalogue;
use super::url::{Section, ViewState};
use crate::model::format;
use crate::model::{Accounting, Report};

/// Every view a share link can name and that gets its own static page:
/// each basis, alone, with each card open and with each answer open, as a
/// page; and each card, answer and section alone, as an embed, on each basis,
/// with the compact embeds of each card and of the headline figures.
pub fn pre_rendered_views(report: &Report) -> Vec<ViewState> {
    let mut views = Vec::new();
    for embed in [false, true] {
        for basis in Accounting::ALL {
            let base = ViewState {
                basis,
                embed,
                ..ViewState::default()
            };
            if embed {
                for s in Section::ALL.into_iter().filter(|s| s.present_in(report)) {
                    views.push(ViewState {
                        section: Some(s),
                        ..base.clone()
                    });
                }
            } else {
                views.push(base.clone());
            }
            for c in &report.cards {
                views.push(ViewState {
                    card: Some(c.id.clone()),
                    ..base.clone()
                });
            }
            if embed {
                // The compact forms: each card, and the headline figures.
                views.push(ViewState {
                    section: Some(Section::Metrics),
                    compact: true,
                    ..base.clone()
                });
                for c in &report.cards {
                    views.push(ViewState {
                        card: Some(c.id.clone()),
                        compact: true,
                        ..base.clone()
                    });
                }
            }
            for q in &report.faq {
                views.push(ViewState {
                    faq: Some(q.id.clone()),
                    ..base.clone()
                });
            }
        }
    }
    views
}

/// Paths of older links that have no view of their own any more, with the
/// view the build writes there too: `embed/` was the embed of the headline
/// figures before sections had embeds of their own.
pub fn older_pages(report: &Report) -> Vec<(String, ViewState)> {
    Accounting::ALL
        .into_iter()
        .map(|basis| {
            let path = if basis == Accounting::default() {
                "embed/".to_string()
            } else {
                format!("embed/{}/", basis.as_str())
            };
            let view = ViewState::from_url(&path, &Catalogue::of(report))
                .0
                .pre_rendered();
            (path, view)
        })
        .collect()
}

/// The headline a preview image shows for a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Headline {
    /// "Cerebras Systems · Q1 2026".
    pub eyebrow: String,
    /// The card's title, the question, or the report's subject.
    pub title: String,
    /// Up to three figures: label, value, basis tag.
    pub figures: Vec<(String, String, String)>,
    /// The comparison, when there is one ("Beat: +$12.6M (+7.0%) against consensus $180.8M").
    pub note: Option<String>,
    /// Whether that comparison is a miss (the preview says it in red).
    pub miss: bool,
}

/// A card's figure as a preview shows it.
struct CardFigure {
    title: String,
    value: String,
    basis: String,
    /// The comparison in words, and whether it is a miss.
    note: Option<(String, bool)>,
}

fn card_figure(report: &Report, view: &ViewState, id: &str) -> Option<CardFigure> {
    let card = report.card(id)?;
    let shown = card.shown(view.basis);
    let f = report.figure(&shown.figure)?;
    let note = shown
        .comparison
        .as_deref()
        .and_then(|c| report.comparison(c))
        .and_then(|c| {
            let detail = report.comparison_detail(c)?;
            Some((
                format!("{}: {detail}", c.outcome.verdict.label()),
                c.is_miss(),
            ))
        });
    Some(CardFigure {
        title: card.title.clone(),
        value: f.display(),
        basis: f.basis.tag().to_string(),
        note,
    })
}

/// The preview image's headline for a view.
pub fn headline(report: &Report, view: &ViewState) -> Headline {
    let eyebrow = format!("{} · {}", report.company.name, report.period);
    if let Some(c) = view
        .card
        .as_deref()
        .and_then(|c| card_figure(report, view, c))
    {
        return Headline {
            eyebrow,
            title: c.title,
            figures: vec![(String::new(), c.value, c.basis)],
            miss: c.note.as_ref().is_some_and(|n| n.1),
            note: c.note.map(|n| n.0),
        };
    }
    if let Some(q) = view.faq.as_deref().and_then(|id| report.faq_item(id)) {
        return Headline {
            eyebrow,
            title: report.plain_text(&q.question),
            figures: vec![],
            note: None,
            miss: false,
        };
    }
    let figures = report
        .cards
        .iter()
        .take(3)
        .filter_map(|c| card_figure(report, view, &c.id))
        .map(|c| (c.title, c.value, c.basis))
        .collect();
    let title = match view.basis {
        Accounting::Gaap => "Quarterly results".to_string(),
        b => format!("Quarterly results, {}", b.label()),
    };
    Headline {
        eyebrow,
        title,
        figures,
        note: None,
        miss: false,
    }
}

/// Cuts a text at a word boundary to at most `max` characters.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let ends_a_word = text.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let cut = match cut.rsplit_once(' ') {
        Some((head, _)) if !ends_a_word => head,
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

/// The one-paragraph description of a view (meta description, Open Graph).
pub fn description(report: &Report, view: &ViewState) -> String {
    let released = format::date(&report.released).unwrap_or_default();
    let tail = format!("{}, released {released}.", report.name());
    if let Some(q) = view.faq.as_deref().and_then(|id| report.faq_item(id)) {
        if view.card.is_none() {
            return clip(&format!("{} {}", report.plain_text(&q.answer), tail), 300);
        }
    }
    let h = headline(report, view);
    let figures: Vec<String> = h
        .figures
        .iter()
        .map(|(label, value, basis)| {
            if label.is_empty() {
                format!("{} {value} ({basis})", h.title)
            } else {
                format!("{label} {value} ({basis})")
            }
        })
        .collect();
    let mut text = figures.join(", ");
    if let Some(note) = &h.note {
        let mut chars = note.chars();
        let first = chars
            .next()
            .map(|c| c.to_lowercase().collect::<String>())
            .unwrap_or_default();
        text.push_str(&format!("; {first}{}", chars.as_str()));
    }
    clip(
        &format!("{text}. {tail} Every figure with its basis and source."),
        300,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::bundled::report()
    }

    #[test]
    fn every_card_and_answer_gets_a_page_on_both_bases_and_as_an_embed() {
        let r = report();
        let views = pre_rendered_views(&r);
        let sections = Section::ALL
            .into_iter()
            .filter(|s| s.present_in(&r))
            .count();
        assert_eq!(
            views.len(),
            2 * (1 + r.cards.len() + r.faq.len())
                + 2 * (sections + r.cards.len() + r.faq.len())
                + 2 * (1 + r.cards.len())
        );
        let mut paths: Vec<String> = views.iter().map(ViewState::path).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), views.len(), "each view has its own path");
        assert!(paths.contains(&"non-gaap/card/net-loss/".to_string()));
        assert!(paths.contains(&"embed/faq/wafer-scale/".to_string()));
        assert!(paths.contains(&"embed/non-gaap/section/guidance/".to_string()));
        assert!(paths.contains(&"embed/compact/non-gaap/card/net-loss/".to_string()));
        assert!(paths.contains(&"embed/compact/section/metrics/".to_string()));
        assert!(
            !paths.contains(&"embed/".to_string()),
            "an embed names what it shows"
        );
    }

    #[test]
    fn older_embed_links_keep_a_page_of_the_headline_figures() {
        let r = report();
        let views = pre_rendered_views(&r);
        for (path, view) in older_pages(&r) {
            assert!(views.contains(&view), "{path}");
            assert_eq!(view.section, Some(Section::Metrics), "{path}");
            assert_eq!(
                ViewState::from_url(&path, &Catalogue::of(&r)),
                (view, vec![]),
                "{path}"
            );
        }
    }

    #[test]
    fn descriptions_say_what_the_view_shows() {
        let r = report();
        let card = ViewState {
            basis: Accounting::NonGaap,
            card: Some("net-loss".into()),
            ..Default::default()
        };
        assert_eq!(
            description(&r, &card),
            "Net loss −$2.5M (Non-GAAP). Cerebras Systems Q1 2026, released 23 Jun 2026. Every figure with its basis and source."
        );
        let revenue = ViewState {
            card: Some("revenue".into()),
            ..Default::default()
        };
        let text = description(&r, &revenue);
        assert!(
            text.starts_with(
                "Revenue $193.4M (As reported); beat: +$12.6M (+7.0%) against consensus $180.8M."
            ),
            "{text}"
        );
        let faq = ViewState {
            faq: Some("no-adjusted-eps".into()),
            ..Default::default()
        };
        assert!(description(&r, &faq).starts_with("Neither source gives one"));
        let home = description(&r, &ViewState::default());
        assert!(home.starts_with("Revenue $193.4M (As reported), Net loss −$14.0M (GAAP), Earnings per share −$0.22 (GAAP)."), "{home}");
        assert!(description(&r, &ViewState::default()).chars().count() <= 300);
    }

    #[test]
    fn headlines_follow_the_basis() {
        let r = report();
        let v = ViewState {
            basis: Accounting::NonGaap,
            card: Some("eps".into()),
            ..Default::default()
        };
        let h = headline(&r, &v);
        assert_eq!(
            h.figures,
            vec![(String::new(), "not reported".into(), "Non-GAAP".into())]
        );
        assert_eq!(h.note, None, "no comparison on the non-GAAP basis");
        assert_eq!(clip("one two three", 8), "one two…");
    }
}

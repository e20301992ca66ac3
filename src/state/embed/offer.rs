//! What an embed shows (and so which terms it defines, and whether it offers
//! the basis switch), and what the Embed dialog offers for the view on
//! screen. Pure.

use super::super::catalogue::Catalogue;
use super::super::url::{Focus, Section, ViewState};
use crate::model::dataset::Term;
use crate::model::text::{segments, Segment};
use crate::model::{Accounting, Report};

/// Whether what an embed shows changes with the basis, so that it offers
/// the basis switch: a card with a non-GAAP form, or the headline figures
/// when some card has one or the report has a bridge.
pub fn follows_basis(catalogue: &Catalogue, focus: &Focus) -> bool {
    match focus {
        Focus::Card(id) => catalogue.card(id).is_some_and(|c| c.follows_basis),
        Focus::Section(Section::Metrics) => {
            catalogue.bridge || catalogue.cards.iter().any(|c| c.follows_basis)
        }
        Focus::Section(_) | Focus::Answer(_) => false,
    }
}

/// The texts of the report an embed of `focus` shows (those that may mark
/// terms; see `model::glossary::may_mark`).
fn texts_shown<'a>(report: &'a Report, focus: &Focus) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    match focus {
        Focus::Card(id) => out.extend(report.card(id).map(|c| c.about.as_str())),
        Focus::Answer(id) => out.extend(report.faq_item(id).map(|q| q.answer.as_str())),
        Focus::Section(Section::Metrics) => {
            out.extend(report.reconciliation.as_ref().map(|r| r.about.as_str()));
            out.extend(report.cards.iter().map(|c| c.about.as_str()));
        }
        Focus::Section(Section::Guidance) => {
            out.extend(report.guidance.iter().map(|g| g.about.as_str()));
        }
        Focus::Section(Section::Stock) => {
            if let Some(s) = &report.stock {
                out.push(&s.about);
                out.extend(s.timeline.iter().map(|e| e.event.as_str()));
            }
        }
        Focus::Section(Section::Deals) => {
            for d in &report.deals {
                out.extend([d.structure.as_str(), d.about.as_str()]);
            }
        }
        Focus::Section(Section::Analysts) => {
            out.extend(report.analysts.as_ref().map(|a| a.about.as_str()));
        }
        Focus::Section(Section::Watch) => {
            if let Some(w) = &report.watch {
                out.extend(w.questions.iter().map(String::as_str));
                out.extend(w.drivers.iter().chain(&w.signals).map(|p| p.text.as_str()));
            }
        }
        Focus::Section(Section::Faq) => out.extend(report.faq.iter().map(|q| q.answer.as_str())),
        Focus::Section(Section::Sources | Section::Glossary) => {}
    }
    out
}

/// The glossary terms an embed of `focus` can open: those its texts mark,
/// in the glossary's order (all of them for the glossary itself).
pub fn terms_shown<'a>(report: &'a Report, focus: &Focus) -> Vec<&'a Term> {
    if *focus == Focus::Section(Section::Glossary) {
        return report.glossary.iter().collect();
    }
    let mut ids: Vec<&str> = Vec::new();
    for text in texts_shown(report, focus) {
        for s in segments(text) {
            if let Segment::Term { id: Some(id), .. } = s {
                ids.push(id);
            }
        }
    }
    report
        .glossary
        .iter()
        .filter(|t| ids.contains(&t.id.as_str()))
        .collect()
}

/// One way to embed the current view, as the Embed dialog offers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// "This card: Revenue", "This section: Guidance", "This answer".
    pub label: String,
    /// The embed's view.
    pub view: ViewState,
}

/// The embed of `focus` for a reader on `from`: on `from`'s basis where
/// what it shows follows the basis (else the default one), with `from`'s
/// theme and background, in full.
pub fn embed_of(catalogue: &Catalogue, focus: &Focus, from: &ViewState) -> ViewState {
    let mut v = ViewState {
        basis: if follows_basis(catalogue, focus) {
            from.basis
        } else {
            Accounting::default()
        },
        embed: true,
        theme: from.theme,
        transparent: from.transparent,
        ..ViewState::default()
    };
    match focus {
        Focus::Card(id) => v.card = Some(id.clone()),
        Focus::Answer(id) => v.faq = Some(id.clone()),
        Focus::Section(s) => v.section = Some(*s),
    }
    v
}

/// What the Embed dialog offers first for the view the reader is on: the
/// open card or answer alone, and the section it sits in (or the one
/// scrolled to). The embed keeps the basis only where what it shows follows it.
pub fn choices(catalogue: &Catalogue, view: &ViewState) -> Vec<Choice> {
    let mut out = Vec::new();
    let embed = |focus: &Focus| embed_of(catalogue, focus, view);
    if let Some(card) = view.card.as_deref().and_then(|id| catalogue.card(id)) {
        let focus = Focus::Card(card.id.clone());
        out.push(Choice {
            label: format!("This card: {}", card.title),
            view: embed(&focus),
        });
    } else if let Some(q) = view.faq.as_deref().and_then(|id| catalogue.answer(id)) {
        out.push(Choice {
            label: format!("This answer: {}", q.question),
            view: embed(&Focus::Answer(q.id.clone())),
        });
    }
    let section = match (&view.card, &view.faq, view.section) {
        (Some(_), _, _) => Section::Metrics,
        (None, Some(_), _) => Section::Faq,
        (None, None, Some(s)) if catalogue.has(s) => s,
        _ => Section::Metrics,
    };
    out.push(Choice {
        label: format!("This section: {}", section.label()),
        view: embed(&Focus::Section(section)),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::url::Theme;

    #[test]
    fn the_dialog_offers_the_open_card_alone_and_its_section() {
        let r = Catalogue::of(&crate::bundled::report());
        let on_loss = ViewState {
            basis: Accounting::NonGaap,
            card: Some("net-loss".into()),
            ..Default::default()
        };
        let offered = choices(&r, &on_loss);
        assert_eq!(offered.len(), 2);
        assert_eq!(offered[0].view.to_href(), "embed/non-gaap/card/net-loss/");
        assert!(offered[0].label.starts_with("This card: "));
        assert_eq!(offered[1].view.to_href(), "embed/non-gaap/section/metrics/");
        // Revenue has no non-GAAP form: its embed is the same on either basis.
        let on_revenue = ViewState {
            card: Some("revenue".into()),
            ..on_loss.clone()
        };
        assert_eq!(
            choices(&r, &on_revenue)[0].view.to_href(),
            "embed/card/revenue/"
        );
        // An answer, a section scrolled to, or nothing at all.
        let answer = ViewState {
            faq: Some("wafer-scale".into()),
            ..Default::default()
        };
        let hrefs: Vec<String> = choices(&r, &answer)
            .iter()
            .map(|c| c.view.to_href())
            .collect();
        assert_eq!(hrefs, ["embed/faq/wafer-scale/", "embed/section/faq/"]);
        let guidance = ViewState {
            basis: Accounting::NonGaap,
            section: Some(Section::Guidance),
            theme: Theme::Dark,
            ..Default::default()
        };
        let hrefs: Vec<String> = choices(&r, &guidance)
            .iter()
            .map(|c| c.view.to_href())
            .collect();
        assert_eq!(hrefs, ["embed/section/guidance/?theme=dark"]);
        let hrefs: Vec<String> = choices(&r, &ViewState::default())
            .iter()
            .map(|c| c.view.to_href())
            .collect();
        assert_eq!(hrefs, ["embed/section/metrics/"]);
    }

    #[test]
    fn only_what_follows_the_basis_offers_the_switch() {
        let r = Catalogue::of(&crate::bundled::report());
        assert!(follows_basis(&r, &Focus::Card("net-loss".into())));
        assert!(!follows_basis(&r, &Focus::Card("revenue".into())));
        assert!(follows_basis(&r, &Focus::Section(Section::Metrics)));
        assert!(!follows_basis(&r, &Focus::Section(Section::Guidance)));
        assert!(!follows_basis(&r, &Focus::Answer("wafer-scale".into())));
    }

    #[test]
    fn an_embed_defines_the_terms_it_shows() {
        let r = crate::bundled::report();
        let all = terms_shown(&r, &Focus::Section(Section::Glossary));
        assert_eq!(all.len(), r.glossary.len());
        assert!(terms_shown(&r, &Focus::Section(Section::Sources)).is_empty());
        for c in &r.cards {
            let marked: Vec<&str> = segments(&c.about)
                .into_iter()
                .filter_map(|s| match s {
                    Segment::Term { id, .. } => id,
                    _ => None,
                })
                .collect();
            let shown: Vec<&str> = terms_shown(&r, &Focus::Card(c.id.clone()))
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            for id in &marked {
                assert!(shown.contains(id), "card {}: {id}", c.id);
            }
            assert_eq!(shown.len(), marked.len(), "card {}", c.id);
        }
        // Every term marked in a text some embed shows is defined in that embed:
        // all marks but the masthead's are in one section or another.
        let mut in_sections: Vec<&str> = Section::ALL
            .into_iter()
            .filter(|s| *s != Section::Glossary)
            .flat_map(|s| terms_shown(&r, &Focus::Section(s)))
            .map(|t| t.id.as_str())
            .collect();
        in_sections.sort();
        in_sections.dedup();
        let mut marked: Vec<&str> = r
            .texts()
            .into_iter()
            .filter(|(place, _)| place != "company.about")
            .flat_map(|(_, t)| segments(t))
            .filter_map(|s| match s {
                Segment::Term { id, .. } => id,
                _ => None,
            })
            .collect();
        marked.sort();
        marked.dedup();
        assert_eq!(in_sections, marked);
    }
}

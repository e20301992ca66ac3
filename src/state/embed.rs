//! Embedding: the messages an embedded explorer exchanges with the page
//! around it, and the snippets a journalist pastes into an article. Pure.
//!
//! Message format, version 1 (all messages are plain objects):
//! - to the host, whenever the content height changes:
//!   `{"type": "earnings-explorer:size", "version": 1, "height": 812}` to any window (`*`)
//!   until the host has named itself; after that, to the host's origin only, with the view:
//!   `{"type": "earnings-explorer:size", "version": 1, "height": 812, "view": "card/revenue/"}`
//! - to AMP hosts, at the same time: `{"sentinel": "amp", "type": "embed-size", "height": 812}`
//! - from the host, to set the theme at run time and to name itself (its origin is where sizes
//!   then go): `{"type": "earnings-explorer:theme", "version": 1, "theme": "dark"}`
//!   (`light`, `dark` or `auto`)
//!
//! Messages carry sizes and view names only, never data from the host; the
//! view only to a host that has named itself.

use super::catalogue::Catalogue;
use super::url::{resolve, Focus, Section, Theme, ViewState};
use crate::model::dataset::Term;
use crate::model::text::{segments, Segment};
use crate::model::{Accounting, Report};

pub const SIZE_TYPE: &str = "earnings-explorer:size";
pub const THEME_TYPE: &str = "earnings-explorer:theme";
pub const VERSION: u64 = 1;

/// The embed loader as the build published it, next to the app's
/// `index.html`: its content-hashed file (`embed.<hash>.js`, which a snippet
/// can pin) and its Subresource Integrity value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loader {
    pub file: String,
    pub integrity: Option<String>,
}

impl Default for Loader {
    /// The loader under its stable name, unpinned.
    fn default() -> Loader {
        Loader {
            file: "embed.js".into(),
            integrity: None,
        }
    }
}

/// The height of a plain iframe, which cannot resize itself.
pub const FIXED_HEIGHT: u32 = 640;

/// The size message for the host page: with the reader's view only for a
/// host that has named itself (see [`host_origin`]).
/// JSON written by hand: a view's link uses only URL-safe characters (a
/// property test says so), so it needs no escaping, and the wasm needs no
/// JSON library.
pub fn size_message(height: u32, view: Option<&ViewState>) -> String {
    let view = view
        .map(|v| format!(",\"view\":\"{}\"", v.shared().to_href()))
        .unwrap_or_default();
    format!("{{\"type\":\"{SIZE_TYPE}\",\"version\":{VERSION},\"height\":{height}{view}}}")
}

/// The origin a theme message came from, as the one to send sizes (and the
/// view) to from now on; `None` for an opaque (`null`) or empty origin,
/// which no message can be addressed to.
pub fn host_origin(origin: &str) -> Option<&str> {
    (!origin.is_empty() && origin != "null").then_some(origin)
}

/// The same size in AMP's `embed-size` form, so AMP pages can resize the frame.
pub fn amp_size_message(height: u32) -> String {
    format!("{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{height}}}")
}

/// Reads a theme message from the host, given its `type`, `version` and
/// `theme` fields as found; anything else, or any other version, is `None`
/// and ignored.
pub fn theme_from_message(
    kind: Option<&str>,
    version: Option<f64>,
    theme: Option<&str>,
) -> Option<Theme> {
    if kind? != THEME_TYPE || version? != VERSION as f64 {
        return None;
    }
    Theme::parse(theme?)
}

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

/// What the Embed dialog offers for the view the reader is on: the open card
/// or answer alone, and the section it sits in (or the one scrolled to).
/// The embed keeps the basis only where what it shows follows it.
pub fn choices(catalogue: &Catalogue, view: &ViewState) -> Vec<Choice> {
    let mut out = Vec::new();
    let embed = |focus: &Focus| {
        let mut v = ViewState {
            basis: if follows_basis(catalogue, focus) {
                view.basis
            } else {
                Accounting::default()
            },
            embed: true,
            theme: view.theme,
            transparent: view.transparent,
            ..ViewState::default()
        };
        match focus {
            Focus::Card(id) => v.card = Some(id.clone()),
            Focus::Answer(id) => v.faq = Some(id.clone()),
            Focus::Section(s) => v.section = Some(*s),
        }
        v
    };
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

/// Escapes text for an HTML attribute value or text node.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The two ways to embed a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippets {
    /// A link that the loader script turns into a self-sizing iframe.
    pub loader: String,
    /// A plain iframe with a fixed height, for hosts that allow no scripts.
    pub iframe: String,
}

/// The snippets embedding `view` of the app whose base URL is `base`
/// (e.g. `https://example.org/earnings/`).
pub fn snippets(base: &str, view: &ViewState, title: &str, loader: &Loader) -> Snippets {
    // The link readers without scripts follow: the view on the full page
    // (a section as its anchor, which the loader turns into its embed).
    let link = resolve(base, &view.shared().to_href());
    let frame = resolve(
        base,
        &ViewState {
            embed: true,
            ..view.clone()
        }
        .to_href(),
    );
    let title = escape_html(title);
    Snippets {
        loader: format!(
            "<a href=\"{}\" data-earnings-explorer>{title}</a>\n<script async src=\"{}\"{}></script>",
            escape_html(&link),
            escape_html(&resolve(base, &loader.file)),
            loader
                .integrity
                .as_deref()
                .map(|sri| format!(" integrity=\"{}\" crossorigin=\"anonymous\"", escape_html(sri)))
                .unwrap_or_default()
        ),
        iframe: format!(
            "<iframe src=\"{}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{FIXED_HEIGHT}\" style=\"border:0\"></iframe>",
            escape_html(&frame)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Accounting;
    use serde_json::json;

    fn view() -> ViewState {
        ViewState {
            basis: Accounting::NonGaap,
            card: Some("net-loss".into()),
            embed: true,
            theme: Theme::Dark,
            ..Default::default()
        }
    }

    #[test]
    fn size_messages_carry_only_the_height_and_the_view() {
        let m: serde_json::Value = serde_json::from_str(&size_message(812, Some(&view()))).unwrap();
        assert_eq!(
            m,
            json!({ "type": "earnings-explorer:size", "version": 1, "height": 812, "view": "non-gaap/card/net-loss/" })
        );
        // Before the host has named itself: the height alone.
        let m: serde_json::Value = serde_json::from_str(&size_message(812, None)).unwrap();
        assert_eq!(
            m,
            json!({ "type": "earnings-explorer:size", "version": 1, "height": 812 })
        );
        let amp: serde_json::Value = serde_json::from_str(&amp_size_message(812)).unwrap();
        assert_eq!(
            amp,
            json!({ "sentinel": "amp", "type": "embed-size", "height": 812 })
        );
    }

    #[test]
    fn theme_messages_are_read_strictly() {
        let t = THEME_TYPE;
        assert_eq!(
            theme_from_message(Some(t), Some(1.0), Some("dark")),
            Some(Theme::Dark)
        );
        for (kind, version, theme) in [
            (Some(t), Some(2.0), Some("dark")),
            (Some("other"), Some(1.0), Some("dark")),
            (Some(t), Some(1.0), Some("<b>")),
            (Some(t), Some(1.0), None),
            (None, Some(1.0), Some("dark")),
            (Some(t), None, Some("dark")),
        ] {
            assert_eq!(
                theme_from_message(kind, version, theme),
                None,
                "{kind:?} {version:?} {theme:?}"
            );
        }
    }

    #[test]
    fn only_a_real_origin_names_the_host() {
        assert_eq!(
            host_origin("https://news.example"),
            Some("https://news.example")
        );
        assert_eq!(host_origin("null"), None);
        assert_eq!(host_origin(""), None);
    }

    #[test]
    fn snippets_embed_the_view_and_escape_the_title() {
        let s = snippets(
            "https://example.org/earnings/",
            &view(),
            "Net loss \"<Q1>\"",
            &Loader::default(),
        );
        assert_eq!(
            s.loader,
            "<a href=\"https://example.org/earnings/non-gaap/card/net-loss/\" data-earnings-explorer>Net loss &quot;&lt;Q1&gt;&quot;</a>\n<script async src=\"https://example.org/earnings/embed.js\"></script>"
        );
        assert!(s.iframe.starts_with(
            "<iframe src=\"https://example.org/earnings/embed/non-gaap/card/net-loss/?theme=dark\""
        ));
        assert!(s.iframe.contains("height=\"640\"") && s.iframe.contains("loading=\"lazy\""));
    }

    #[test]
    fn a_published_loader_is_pinned_by_its_integrity() {
        let loader = Loader {
            file: "embed.0123456789abcdef.js".into(),
            integrity: Some("sha384-abc".into()),
        };
        let s = snippets("https://example.org/e/", &view(), "T", &loader);
        assert!(s.loader.ends_with(
            "<script async src=\"https://example.org/e/embed.0123456789abcdef.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\"></script>"
        ), "{}", s.loader);
    }

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
    fn a_section_snippet_links_its_anchor_and_frames_its_embed() {
        let section = ViewState {
            section: Some(Section::Guidance),
            embed: true,
            ..Default::default()
        };
        let s = snippets(
            "https://example.org/e/",
            &section,
            "Guidance",
            &Loader::default(),
        );
        assert!(
            s.loader
                .starts_with("<a href=\"https://example.org/e/#guidance\""),
            "{}",
            s.loader
        );
        assert!(
            s.iframe
                .starts_with("<iframe src=\"https://example.org/e/embed/section/guidance/\""),
            "{}",
            s.iframe
        );
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

//! The snippets a journalist pastes into an article: the loader form and a
//! plain iframe. Pure.

use super::super::url::{resolve, Theme, ViewState};

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
    // What the link cannot say, the loader reads from the link's attributes:
    // the compact form, a fixed theme (else it follows the article's), and a
    // transparent background.
    let mut asks = String::new();
    if view.compact {
        asks.push_str(" data-form=\"compact\"");
    }
    if view.theme != Theme::Auto {
        asks.push_str(&format!(" data-theme=\"{}\"", view.theme.as_str()));
    }
    if view.transparent {
        asks.push_str(" data-bg=\"transparent\"");
    }
    Snippets {
        loader: format!(
            "<a href=\"{}\" data-earnings-explorer{asks}>{title}</a>\n<script async src=\"{}\"{}></script>",
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
    use super::super::example_view as view;
    use super::*;
    use crate::state::url::Section;

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
            "<a href=\"https://example.org/earnings/non-gaap/card/net-loss/\" data-earnings-explorer data-theme=\"dark\">Net loss &quot;&lt;Q1&gt;&quot;</a>\n<script async src=\"https://example.org/earnings/embed.js\"></script>"
        );
        assert!(s.iframe.starts_with(
            "<iframe src=\"https://example.org/earnings/embed/non-gaap/card/net-loss/?theme=dark\""
        ));
        assert!(s.iframe.contains("height=\"640\"") && s.iframe.contains("loading=\"lazy\""));
    }

    #[test]
    fn the_compact_form_and_the_background_reach_both_snippets() {
        let compact = ViewState {
            compact: true,
            transparent: true,
            theme: Theme::Auto,
            ..view()
        };
        let s = snippets("https://example.org/e/", &compact, "T", &Loader::default());
        assert!(
            s.loader.starts_with("<a href=\"https://example.org/e/non-gaap/card/net-loss/\" data-earnings-explorer data-form=\"compact\" data-bg=\"transparent\">"),
            "{}",
            s.loader
        );
        assert!(
            s.iframe.starts_with("<iframe src=\"https://example.org/e/embed/compact/non-gaap/card/net-loss/?bg=transparent\""),
            "{}",
            s.iframe
        );
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
    fn a_report_of_a_site_of_many_offers_the_sites_one_loader() {
        let loader = Loader {
            file: "../embed.0123456789abcdef.js".into(),
            integrity: None,
        };
        let s = snippets("https://example.org/e/acme-q4/", &view(), "T", &loader);
        assert!(
            s.loader
                .starts_with("<a href=\"https://example.org/e/acme-q4/non-gaap/card/net-loss/\""),
            "{}",
            s.loader
        );
        assert!(
            s.loader.ends_with(
                "<script async src=\"https://example.org/e/embed.0123456789abcdef.js\"></script>"
            ),
            "{}",
            s.loader
        );
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
}

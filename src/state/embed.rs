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

use super::url::{resolve, Theme, ViewState};

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
}

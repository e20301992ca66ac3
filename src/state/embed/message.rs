//! The messages an embedded explorer exchanges with the page around it (the
//! format is in the module above's doc). Pure.

use super::super::url::{Theme, ViewState};

pub const SIZE_TYPE: &str = "earnings-explorer:size";
pub const THEME_TYPE: &str = "earnings-explorer:theme";
pub const VERSION: u64 = 1;

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

#[cfg(test)]
mod tests {
    use super::super::example_view as view;
    use super::*;
    use serde_json::json;

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
}

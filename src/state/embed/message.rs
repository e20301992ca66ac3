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

/// The secret WordPress gives an embed it shows (`#?secret=<letters and
/// digits>` after the embed's address), if the fragment is that: WordPress
/// only believes height messages that carry it back.
pub fn wordpress_secret(fragment: &str) -> Option<&str> {
    let secret = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix("?secret=")?;
    let ok = (1..=64).contains(&secret.len()) && secret.bytes().all(|b| b.is_ascii_alphanumeric());
    ok.then_some(secret)
}

/// WordPress's height message (`wp-embed.js`): the content height and the
/// secret it gave. `secret` holds letters and digits only
/// ([`wordpress_secret`]), so the hand-written JSON needs no escaping.
pub fn wordpress_height_message(height: u32, secret: &str) -> String {
    format!("{{\"message\":\"height\",\"value\":{height},\"secret\":\"{secret}\"}}")
}

/// WordPress's link message: the host page goes to `url` (WordPress does so
/// only for a URL on the embed's own host, and only while the embed has
/// focus). In its sandbox a link cannot open a window or leave the frame.
pub fn wordpress_link_message(url: &str, secret: &str) -> String {
    let url: String = url
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("{{\"message\":\"link\",\"value\":\"{url}\",\"secret\":\"{secret}\"}}")
}

/// Whether a message is WordPress's `ready` for this embed: its `message`
/// and `secret` fields as found.
pub fn is_wordpress_ready(message: Option<&str>, secret: Option<&str>, ours: &str) -> bool {
    message == Some("ready") && secret == Some(ours)
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
    fn wordpress_secrets_are_read_strictly_and_carried_back() {
        assert_eq!(wordpress_secret("#?secret=a1B2c3D4e5"), Some("a1B2c3D4e5"));
        assert_eq!(wordpress_secret("?secret=abc"), Some("abc"));
        for bad in [
            "",
            "#",
            "#guidance",
            "#?secret=",
            "#?secret=a\"b",
            "#?secret=a b",
            "#secret=abc",
        ] {
            assert_eq!(wordpress_secret(bad), None, "{bad:?}");
        }
        assert_eq!(
            wordpress_secret(&format!("#?secret={}", "a".repeat(65))),
            None
        );
        let m: serde_json::Value =
            serde_json::from_str(&wordpress_height_message(240, "a1B2c3D4e5")).unwrap();
        assert_eq!(
            m,
            json!({ "message": "height", "value": 240, "secret": "a1B2c3D4e5" })
        );
        let link: serde_json::Value = serde_json::from_str(&wordpress_link_message(
            "https://x.org/e/card/revenue/?q=\"a\\b",
            "abc",
        ))
        .unwrap();
        assert_eq!(
            link,
            json!({ "message": "link", "value": "https://x.org/e/card/revenue/?q=\"a\\b", "secret": "abc" })
        );
        assert!(is_wordpress_ready(Some("ready"), Some("abc"), "abc"));
        assert!(!is_wordpress_ready(Some("ready"), Some("abd"), "abc"));
        assert!(!is_wordpress_ready(Some("height"), Some("abc"), "abc"));
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

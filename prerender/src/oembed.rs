//! oEmbed (<https://oembed.com>) for every page: a static `rich` document
//! beside each page (`<page>/oembed.json`), which the page's head names in a
//! discovery link. WordPress, Ghost and other CMSs read it when an editor
//! pastes the page's link. Its `html` is a blockquote with a link to the view
//! (what WordPress keeps, and shows until the embed speaks) followed by the
//! iframe of the view's embed page, then the embed loader: a CMS that inserts
//! the html as given (Ghost) runs it, and it sizes the iframe and hides the
//! link; WordPress drops it and sizes the iframe from the embed's own message.

use earnings_explorer::state::embed::escape_html;
use earnings_explorer::state::url::{resolve, Section, ViewState};
use serde_json::json;

/// The width an oEmbed asks for; the embed fills what it gets from 280 px.
pub const WIDTH: u32 = 600;

/// The document's file, relative to the app's base: beside the page.
pub fn file(view: &ViewState) -> String {
    format!("{}oembed.json", view.shared().path())
}

/// What the oEmbed of a page embeds, on the page's basis: a card view its
/// card, compact (an article quotes one number); an answer view its answer;
/// the default and basis views the headline figures, compact.
pub fn embedded(view: &ViewState) -> ViewState {
    let page = view.shared();
    let mut embed = ViewState {
        basis: page.basis,
        embed: true,
        ..ViewState::default()
    };
    if let Some(card) = page.card {
        embed.card = Some(card);
        embed.compact = true;
    } else if let Some(answer) = page.faq {
        embed.faq = Some(answer);
    } else {
        embed.section = Some(Section::Metrics);
        embed.compact = true;
    }
    embed
}

/// The height an embed starts at before it sizes itself.
fn height(embed: &ViewState) -> u32 {
    match (&embed.card, &embed.faq) {
        (Some(_), _) => 260,
        (None, Some(_)) => 640,
        _ => 720,
    }
}

/// A preview image of the page, as the oEmbed's thumbnail.
pub struct Thumbnail<'a> {
    pub url: &'a str,
    pub width: u32,
    pub height: u32,
}

/// The oEmbed document of the page of `view`, for a report published at
/// `public` (absolute, ending in `/`) in the site at `site` (the same, or
/// its parent for a report of a site of many), where the loader is.
pub fn document(
    view: &ViewState,
    public: &str,
    site: &str,
    title: &str,
    thumbnail: &Thumbnail,
) -> String {
    let page = resolve(public, &view.shared().to_href());
    let embed = embedded(view);
    let frame = resolve(public, &embed.to_href());
    let height = height(&embed);
    let e = escape_html;
    let html = format!(
        "<blockquote class=\"earnings-explorer-link\"><a href=\"{}\">{}</a></blockquote>\
         <iframe src=\"{}\" title=\"{}\" width=\"{WIDTH}\" height=\"{height}\" frameborder=\"0\" \
         marginwidth=\"0\" marginheight=\"0\" scrolling=\"no\"></iframe>\
         <script async src=\"{}\"></script>",
        e(&page),
        e(title),
        e(&frame),
        e(title),
        e(&resolve(site, "embed.js"))
    );
    let doc = json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": "Earnings Explorer",
        "provider_url": site,
        "width": WIDTH,
        "height": height,
        "html": html,
        "thumbnail_url": thumbnail.url,
        "thumbnail_width": thumbnail.width,
        "thumbnail_height": thumbnail.height,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use earnings_explorer::model::Accounting;

    fn thumb() -> Thumbnail<'static> {
        Thumbnail {
            url: "https://x.org/e/preview/card-revenue.png",
            width: 1200,
            height: 630,
        }
    }

    #[test]
    fn each_kind_of_page_embeds_what_it_shows_on_its_basis() {
        let card = ViewState {
            basis: Accounting::NonGaap,
            card: Some("net-loss".into()),
            ..Default::default()
        };
        assert_eq!(
            embedded(&card).path(),
            "embed/compact/non-gaap/card/net-loss/"
        );
        let answer = ViewState {
            faq: Some("what-next".into()),
            ..Default::default()
        };
        assert_eq!(embedded(&answer).path(), "embed/faq/what-next/");
        assert_eq!(
            embedded(&ViewState::default()).path(),
            "embed/compact/section/metrics/"
        );
        assert_eq!(file(&card), "non-gaap/card/net-loss/oembed.json");
        assert_eq!(file(&ViewState::default()), "oembed.json");
    }

    /// The document of the page of the card `card`, read back.
    fn card_document(card: &str, public: &str, site: &str, title: &str) -> serde_json::Value {
        let view = ViewState {
            card: Some(card.into()),
            ..Default::default()
        };
        serde_json::from_str(&document(&view, public, site, title, &thumb())).unwrap()
    }

    #[test]
    fn the_document_is_rich_oembed_with_a_link_first_then_the_frame() {
        let doc = card_document(
            "revenue",
            "https://x.org/e/",
            "https://x.org/e/",
            "Revenue \"Q1\" <b>",
        );
        assert_eq!(doc["version"], "1.0");
        assert_eq!(doc["type"], "rich");
        assert_eq!(doc["provider_url"], "https://x.org/e/");
        assert_eq!(doc["width"], 600);
        assert_eq!(doc["height"], 260);
        assert_eq!(doc["thumbnail_width"], 1200);
        let html = doc["html"].as_str().unwrap();
        assert!(
            html.starts_with("<blockquote class=\"earnings-explorer-link\"><a href=\"https://x.org/e/card/revenue/\">Revenue &quot;Q1&quot; &lt;b&gt;</a></blockquote><iframe src=\"https://x.org/e/embed/compact/card/revenue/\""),
            "{html}"
        );
        assert!(
            html.ends_with("</iframe><script async src=\"https://x.org/e/embed.js\"></script>"),
            "the loader last, for Ghost; WordPress drops it: {html}"
        );
    }

    #[test]
    fn a_report_of_a_site_of_many_frames_its_own_embed_with_the_site_s_loader() {
        let doc = card_document(
            "sales",
            "https://x.org/e/acme-robotics-q4-2025/",
            "https://x.org/e/",
            "Net sales",
        );
        assert_eq!(doc["provider_url"], "https://x.org/e/");
        let html = doc["html"].as_str().unwrap();
        assert!(
            html.contains(
                "<iframe src=\"https://x.org/e/acme-robotics-q4-2025/embed/compact/card/sales/\""
            ),
            "{html}"
        );
        assert!(
            html.ends_with("src=\"https://x.org/e/embed.js\"></script>"),
            "{html}"
        );
    }
}

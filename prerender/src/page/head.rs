//! The view's own head tags: title, description, canonical link, the oEmbed
//! discovery link, Open Graph and Twitter tags.

use earnings_explorer::state::embed::escape_html;

/// What a page's head says about its view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// The absolute canonical URL (an embed points at its plain page).
    pub canonical: String,
    /// The absolute URL of the preview image.
    pub image: String,
    pub image_alt: String,
    /// Whether search engines should index it (embeds: no).
    pub index: bool,
    /// The absolute URL of its oEmbed document, for the discovery link
    /// that CMSs look for when a link is pasted (pages, not embeds).
    pub oembed: Option<String>,
}

impl Head {
    pub(super) fn to_html(&self) -> String {
        let e = escape_html;
        let mut out = format!(
            "<title>{}</title>\n    <meta name=\"description\" content=\"{}\" />\n    <link rel=\"canonical\" href=\"{}\" />\n",
            e(&self.title),
            e(&self.description),
            e(&self.canonical)
        );
        if !self.index {
            out.push_str("    <meta name=\"robots\" content=\"noindex\" />\n");
        }
        if let Some(oembed) = &self.oembed {
            out.push_str(&format!(
                "    <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\" />\n",
                e(oembed),
                e(&self.title)
            ));
        }
        for (property, content) in [
            ("og:type", "article"),
            ("og:site_name", "Earnings Explorer"),
            ("og:title", &self.title),
            ("og:description", &self.description),
            ("og:url", &self.canonical),
            ("og:image", &self.image),
            ("og:image:width", "1200"),
            ("og:image:height", "630"),
            ("og:image:alt", &self.image_alt),
        ] {
            out.push_str(&format!(
                "    <meta property=\"{property}\" content=\"{}\" />\n",
                e(content)
            ));
        }
        for (name, content) in [
            ("twitter:card", "summary_large_image"),
            ("twitter:title", &self.title),
            ("twitter:description", &self.description),
            ("twitter:image", &self.image),
            ("twitter:image:alt", &self.image_alt),
        ] {
            out.push_str(&format!(
                "    <meta name=\"{name}\" content=\"{}\" />\n",
                e(content)
            ));
        }
        out
    }
}

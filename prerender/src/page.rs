//! Turns Trunk's `index.html` into the page of one view: the view's head
//! (title, description, canonical link, Open Graph and Twitter tags), the CSS
//! inlined so the first paint needs one round trip, and the rendered body.

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
}

impl Head {
    fn to_html(&self) -> String {
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

/// Trunk's page, ready to be filled in for each view.
pub struct Template {
    /// Everything before the view's head tags.
    before_head: String,
    /// Everything after them up to and including `<body>`.
    after_head: String,
    /// `</body>` and what follows.
    tail: String,
}

fn cut<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let a = text.find(start)?;
    let b = a + text[a..].find(end)? + end.len();
    Some((&text[..a], &text[a..b], &text[b..]))
}

/// Trunk's start-up script, rewritten to run after the first paint: the page
/// is already complete, so it shows at once and the app takes over a moment
/// later. The downloads still start early, through Trunk's preload links.
fn start_after_paint(script: &str) -> Result<String, String> {
    let quoted = |marker: &str| -> Option<String> {
        let at = script.find(marker)? + marker.len();
        let rest = &script[at..];
        let quote = rest.chars().next()?;
        rest[1..].split(quote).next().map(str::to_string)
    };
    let js = quoted("from ").ok_or("Trunk's start-up script imports no module")?;
    let wasm = quoted("module_or_path: ").ok_or("Trunk's start-up script loads no wasm")?;
    Ok(format!(
        "<script type=\"module\">\n\
         await new Promise((paint) => requestAnimationFrame(() => setTimeout(paint)));\n\
         const bindings = await import('{js}');\n\
         const wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n\
         window.wasmBindings = bindings;\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n\
         </script>"
    ))
}

impl Template {
    /// Reads Trunk's `index.html`: drops its placeholder title and
    /// description, sets the base, and inlines each stylesheet through `css`
    /// (given the `href`, it returns the file's text).
    pub fn parse(
        html: &str,
        base: &str,
        css: impl Fn(&str) -> Result<String, String>,
    ) -> Result<Template, String> {
        let (before, _, after) =
            cut(html, "<title>", "</title>").ok_or("index.html has no <title>")?;
        let after = match cut(after, "<meta name=\"description\"", ">") {
            Some((a, _, b)) => format!("{a}{b}"),
            None => after.to_string(),
        };
        let mut rest = after.as_str();
        let mut head = String::new();
        while let Some((a, link, b)) = cut(rest, "<link rel=\"stylesheet\"", ">") {
            let href = link
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .ok_or("a stylesheet link has no href")?;
            head.push_str(a);
            head.push_str(&format!("<style>{}</style>", css(href)?.trim()));
            rest = b;
        }
        head.push_str(rest);
        if let Some((a, script, b)) = cut(&head.clone(), "<script type=\"module\">", "</script>") {
            head = format!("{a}{}{b}", start_after_paint(script)?);
        }
        // A module preload would also compile the glue before the first
        // paint; a plain preload only fetches it.
        while let Some((a, link, b)) = cut(&head.clone(), "<link rel=\"modulepreload\"", ">") {
            let href = link
                .split("href=\"")
                .nth(1)
                .and_then(|h| h.split('"').next())
                .unwrap_or_default();
            head =
                format!("{a}<link rel=\"preload\" as=\"script\" crossorigin href=\"{href}\">{b}");
        }
        let (after_head, body_tail) = head
            .split_once("<body>")
            .ok_or("index.html has no <body>")?;
        let (_, tail) = body_tail
            .split_once("</body>")
            .ok_or("index.html has no </body>")?;
        let base_tag = format!("<base href=\"{}\" />\n    ", escape_html(base));
        let before = before.replacen(
            "<meta charset=\"utf-8\" />",
            &format!("<meta charset=\"utf-8\" />\n    {base_tag}"),
            1,
        );
        if !before.contains("<base ") {
            return Err(
                "index.html has no <meta charset=\"utf-8\" /> to put the base after".into(),
            );
        }
        Ok(Template {
            before_head: before,
            after_head: format!("{after_head}<body>"),
            tail: format!("</body>{tail}"),
        })
    }

    /// The page of one view.
    pub fn page(&self, head: &Head, body: &str) -> String {
        format!(
            "{}{}{}{}{}",
            self.before_head,
            head.to_html(),
            self.after_head,
            body,
            self.tail
        )
    }

    /// A page without the app's scripts (for `404.html`).
    pub fn static_page(&self, head: &Head, body: &str) -> String {
        let mut after = self.after_head.clone();
        while let Some((a, _, b)) = cut(&after, "<script type=\"module\">", "</script>") {
            after = format!("{a}{b}");
        }
        while let Some((a, _, b)) = cut(&after, "<link rel=\"preload\"", ">") {
            after = format!("{a}{b}");
        }
        format!(
            "{}{}{}{}{}",
            self.before_head,
            head.to_html(),
            after,
            body,
            self.tail
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!doctype html>
<html lang="en" class="no-js">
  <head>
    <meta charset="utf-8" />
    <title>Earnings Explorer</title>
    <meta name="description" content="placeholder" />
    <link rel="stylesheet" href="/a-1.css" integrity="sha384-x"/>
    <link rel="stylesheet" href="/b-2.css" integrity="sha384-y"/>
<script type="module">
import init, * as bindings from '/app.js';
const wasm = await init({ module_or_path: '/app.wasm' });
</script>
  <link rel="modulepreload" href="/app.js"><link rel="preload" href="/app.wasm" as="fetch"></head>
  <body>
    <noscript>placeholder</noscript>
  </body>
</html>"#;

    fn head() -> Head {
        Head {
            title: "Net loss, Non-GAAP — Acme \"Q3\"".into(),
            description: "A <description>".into(),
            canonical: "https://x.org/e/non-gaap/card/net-loss/".into(),
            image: "https://x.org/e/preview/non-gaap-card-net-loss.png".into(),
            image_alt: "Net loss −$2.5M".into(),
            index: true,
        }
    }

    fn template() -> Template {
        Template::parse(TRUNK, "/e/", |href| Ok(format!("/* {href} */ body{{}}"))).unwrap()
    }

    #[test]
    fn a_page_has_its_head_inlined_css_and_body() {
        let page = template().page(&head(), "<main>view</main>");
        assert!(page.contains("<meta charset=\"utf-8\" />\n    <base href=\"/e/\" />"));
        assert!(page.contains("<title>Net loss, Non-GAAP — Acme &quot;Q3&quot;</title>"));
        assert!(
            !page.contains("placeholder"),
            "Trunk's placeholders are gone"
        );
        assert!(
            page.contains("<style>/* /a-1.css */ body{}</style>")
                && page.contains("<style>/* /b-2.css */ body{}</style>")
        );
        assert!(!page.contains("rel=\"stylesheet\""));
        assert!(page.contains("<meta property=\"og:image\" content=\"https://x.org/e/preview/non-gaap-card-net-loss.png\" />"));
        assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />"));
        assert!(page.contains(
            "<link rel=\"canonical\" href=\"https://x.org/e/non-gaap/card/net-loss/\" />"
        ));
        assert!(page.contains("content=\"A &lt;description&gt;\""));
        assert!(page.contains("<body><main>view</main></body>"));
        assert!(
            page.contains("const bindings = await import('/app.js');"),
            "the app still starts"
        );
        assert!(page.contains("bindings.default({ module_or_path: '/app.wasm' })"));
        assert!(
            page.contains("requestAnimationFrame"),
            "after the first paint"
        );
        assert!(
            page.contains("<link rel=\"preload\" as=\"script\" crossorigin href=\"/app.js\">"),
            "fetched early, compiled late"
        );
        assert!(!page.contains("modulepreload"));
        assert!(!page.contains("noindex"));
    }

    #[test]
    fn embeds_are_not_indexed_and_the_404_page_has_no_app() {
        let t = template();
        let embed = t.page(
            &Head {
                index: false,
                ..head()
            },
            "",
        );
        assert!(embed.contains("<meta name=\"robots\" content=\"noindex\" />"));
        let page = t.static_page(&head(), "<main>not found</main>");
        assert!(!page.contains("<script type=\"module\">") && !page.contains("preload"));
        assert!(page.contains("<main>not found</main>"));
    }

    #[test]
    fn a_template_without_its_landmarks_is_refused() {
        assert!(Template::parse("<html><body></body></html>", "/", |_| Ok(String::new())).is_err());
        let missing_css = Template::parse(TRUNK, "/", |href| Err(format!("cannot read {href}")));
        assert_eq!(missing_css.err().as_deref(), Some("cannot read /a-1.css"));
    }
}

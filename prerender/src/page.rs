//! Turns Trunk's `index.html` into the page of one view: the view's head
//! (title, description, canonical link, Open Graph and Twitter tags), the CSS
//! inlined so the first paint needs one round trip, the start-up script, the
//! content security policy with the hashes of the inline elements, and the
//! rendered body, on an `<html>` that says which view it is.

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use earnings_explorer::state::embed::escape_html;
use earnings_explorer::state::{Catalogue, ViewState};
use sha2::{Digest, Sha256, Sha384};

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

/// Trunk's page, ready to be filled in for each view.
pub struct Template {
    /// Everything before the view's head tags.
    before_head: String,
    /// Everything after them up to and including `<body>`.
    after_head: String,
    /// `</body>` and what follows.
    tail: String,
    /// The app's base path, e.g. `/earnings/`.
    base: String,
    /// The content security policy every page keeps to.
    pub csp: Csp,
    /// The embed loader's content-hashed file and its integrity, for the
    /// Embed dialog's snippet.
    loader: Option<(String, String)>,
    /// The report's catalogue, written form (`state::catalogue`).
    catalogue: String,
}

fn cut<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str, &'a str)> {
    let a = text.find(start)?;
    let b = a + text[a..].find(end)? + end.len();
    Some((&text[..a], &text[a..b], &text[b..]))
}

/// A Subresource Integrity value, e.g. `sha384-…`.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha384-{}", BASE64.encode(Sha384::digest(bytes)))
}

/// A CSP source for an inline element's text, e.g. `'sha256-…'`.
fn inline_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        BASE64.encode(Sha256::digest(text.as_bytes()))
    )
}

/// The page's content security policy: scripts and styles only from the
/// site and the inline elements the build wrote (by hash), wasm compiled
/// only from there, nothing embedded, no `<base>`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Csp {
    scripts: Vec<String>,
    styles: Vec<String>,
}

impl Csp {
    fn policy(&self) -> String {
        format!(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; \
             img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'",
            self.scripts.join(" "),
            self.styles.join(" ")
        )
    }

    /// The policy as an HTTP header: full pages may be framed by the site
    /// only; embeds (`embed/…`) by any page.
    pub fn header(&self, embed: bool) -> String {
        let ancestors = if embed { "*" } else { "'self'" };
        format!("{}; frame-ancestors {ancestors}", self.policy())
    }

    /// The policy as a `<meta>` for hosts that send no headers
    /// (`frame-ancestors` has no effect there, so it is left out).
    pub fn meta(&self) -> String {
        format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
            escape_html(&self.policy())
        )
    }
}

/// Trunk's start-up script, rewritten so that the page is never left with a
/// control that lies:
/// - it runs while the page is still being read (`async`): the wasm loads
///   meanwhile; the islands before `<main>`, which show the view, hydrate and
///   the page starts as soon as both are there, and the islands further down
///   once the page is read (until then `.js leptos-island:not([data-live])`
///   keeps them hidden, as `.wait` did);
/// - the wasm is fetched with its integrity checked (the glue through the
///   import map's integrity);
/// - if the app cannot start, the page stays the script-free page, with a
///   notice (`<html class="no-js app-failed">`);
/// - if the app stops (a trap: a panic aborts), the page is reloaded once as
///   the script-free page, since figures and controls may be half-updated.
fn start_script(js: &str, wasm: &str, wasm_integrity: &str) -> String {
    format!(
        r#"<script type="module" async>
const root = document.documentElement;
const crashed = (e) => typeof WebAssembly == "object" && e instanceof WebAssembly.RuntimeError;
const stop = (crash) => {{
  if (crash) {{
    try {{
      sessionStorage.setItem("earnings-explorer:stopped", "1");
      location.reload();
      return;
    }} catch (_) {{}}
  }}
  root.className = "no-js app-failed";
}};
addEventListener("error", (e) => crashed(e.error) && stop(true));
addEventListener("unhandledrejection", (e) => crashed(e.reason) && stop(true));
// The page is still being read when this runs: the wasm loads meanwhile.
const parsed = document.readyState == "loading"
  ? new Promise((done) => addEventListener("DOMContentLoaded", done, {{ once: true }}))
  : Promise.resolve();
// An island is whole once the reader has gone past it.
const whole = (el) => {{
  for (let n = el; n && n != document.body; n = n.parentNode) if (n.nextSibling) return true;
  return document.readyState != "loading";
}};
if (root.className == "wait") {{
  try {{
    const bindings = await import("{js}");
    const module_or_path = fetch("{wasm}", {{ integrity: "{wasm_integrity}" }});
    const wasm = await bindings.default({{ module_or_path }});
    performance.mark("ee:wasm");
    // Each island hydrates with its own export, once.
    const live = (island) => {{
      if (island.hasAttribute("data-live") || !whole(island)) return;
      const hydrate = bindings[island.dataset.component];
      if (hydrate) hydrate(island);
      else console.warn("Earnings Explorer: no code for", island.dataset.component);
      island.setAttribute("data-live", "");
    }};
    // The islands that show the view (the switch, the section links, the
    // notice) all come before <main>: once they are live, the page starts;
    // the islands further down follow as soon as the page is read.
    if (!document.getElementById("main")) await parsed;
    document.querySelectorAll("leptos-island").forEach(live);
    bindings.start_page();
    performance.mark("ee:started");
    await parsed;
    for (const island of document.querySelectorAll("leptos-island:not([data-live])")) {{
      live(island);
      // One at a time, so that the reader's clicks go first.
      await new Promise((next) => setTimeout(next));
    }}
    performance.mark("ee:islands");
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
  }} catch (e) {{
    console.warn("Earnings Explorer could not start; the page works without it.", e);
    stop(crashed(e));
  }}
}}
</script>"#
    )
}

/// Shrinks CSS for inlining: drops comments, and whitespace that means
/// nothing (runs become one space; none next to `{ } ; , >`), leaving
/// quoted strings as they are.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    let tight = |c: char| "{};,>".contains(c);
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
            }
            '"' | '\'' => {
                if space && !out.ends_with(tight) && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        out.extend(chars.next());
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if space && !tight(c) && !out.ends_with(tight) && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Drops HTML comments (notes for whoever edits `index.html`, not for readers).
fn strip_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((a, _, b)) = cut(rest, "<!--", "-->") {
        out.push_str(a.trim_end_matches([' ', '\n']));
        rest = b;
    }
    out.push_str(rest);
    out
}

/// The text between an element's start tag and its end tag.
fn inner<'a>(element: &'a str, end: &str) -> &'a str {
    let open = element.find('>').map_or(0, |i| i + 1);
    &element[open..element.len() - end.len()]
}

impl Template {
    /// Reads Trunk's `index.html`: drops its placeholder title and
    /// description, inlines the stylesheets (one `<style>`), rewrites the
    /// start-up script, and computes the policy's hashes. `read` gives the
    /// bytes of a file of the build by its `href`.
    pub fn parse(
        html: &str,
        base: &str,
        read: impl Fn(&str) -> Result<Vec<u8>, String>,
    ) -> Result<Template, String> {
        let text = |href: &str| -> Result<String, String> {
            String::from_utf8(read(href)?).map_err(|_| format!("{href} is not UTF-8"))
        };
        let href_of = |tag: &str| -> Option<String> {
            tag.split("href=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_string)
        };
        let html = strip_comments(html);
        let (before, _, after) =
            cut(&html, "<title>", "</title>").ok_or("index.html has no <title>")?;
        let after = match cut(after, "<meta name=\"description\"", ">") {
            Some((a, _, b)) => format!("{a}{b}"),
            None => after.to_string(),
        };
        let mut csp = Csp::default();

        // The stylesheets, inlined as one <style> where the first one was.
        let mut rest = after.as_str();
        let mut head = String::new();
        let mut css = String::new();
        let mut at = None;
        while let Some((a, link, b)) = cut(rest, "<link rel=\"stylesheet\"", ">") {
            let href = href_of(link).ok_or("a stylesheet link has no href")?;
            head.push_str(a);
            at.get_or_insert(head.len());
            css.push_str(&minify_css(&text(&href)?));
            rest = b;
        }
        head.push_str(rest);
        if let Some(at) = at {
            csp.styles.push(inline_hash(&css));
            head.insert_str(at, &format!("<style>{css}</style>"));
        }

        // Trunk's start-up script: the glue and the wasm it loads.
        let (a, script, b) = cut(&head, "<script type=\"module\">", "</script>")
            .ok_or("index.html has no start-up script")?;
        let quoted = |marker: &str| -> Option<String> {
            let at = script.find(marker)? + marker.len();
            let rest = &script[at..];
            let quote = rest.chars().next()?;
            rest[1..].split(quote).next().map(str::to_string)
        };
        let js = quoted("from ").ok_or("Trunk's start-up script imports no module")?;
        let wasm = quoted("module_or_path: ").ok_or("Trunk's start-up script loads no wasm")?;
        let (js_integrity, wasm_integrity) = (integrity(&read(&js)?), integrity(&read(&wasm)?));
        let import_map = format!(
            "<script type=\"importmap\">{{\"integrity\":{{\"{js}\":\"{js_integrity}\"}}}}</script>\n"
        );
        let start = start_script(&js, &wasm, &wasm_integrity);
        for element in [&import_map, &start] {
            csp.scripts
                .push(inline_hash(inner(element.trim_end(), "</script>")));
        }
        head = format!("{a}{import_map}{start}{b}");

        // Preloads fetch early; a module preload would also compile the
        // glue before the first paint, so it becomes a plain one.
        let mut out = String::new();
        let mut rest = head.as_str();
        while let Some((a, link, b)) = cut(rest, "<link rel=\"", ">") {
            out.push_str(a);
            rest = b;
            let Some(href) = href_of(link) else {
                out.push_str(link);
                continue;
            };
            if link.starts_with("<link rel=\"modulepreload\"") || href == wasm {
                // Chrome checks integrity on a script preload, not on a fetch
                // preload (the start-up script's fetch checks the wasm).
                let kind = if href == wasm {
                    String::from("as=\"fetch\" type=\"application/wasm\"")
                } else {
                    format!("as=\"script\" integrity=\"{}\"", integrity(&read(&href)?))
                };
                out.push_str(&format!(
                    "<link rel=\"preload\" {kind} crossorigin href=\"{href}\">"
                ));
            } else {
                out.push_str(link);
            }
        }
        out.push_str(rest);
        let head = out;

        // The inline scripts of index.html itself (the theme, before paint).
        let mut rest = before;
        while let Some((_, script, b)) = cut(rest, "<script>", "</script>") {
            csp.scripts.push(inline_hash(inner(script, "</script>")));
            rest = b;
        }

        let (after_head, body_tail) = head
            .split_once("<body>")
            .ok_or("index.html has no <body>")?;
        let (_, tail) = body_tail
            .split_once("</body>")
            .ok_or("index.html has no </body>")?;
        let meta = format!("<meta charset=\"utf-8\" />\n    {}", csp.meta());
        if !before.contains("<meta charset=\"utf-8\" />") || !before.contains("<html") {
            return Err("index.html has no <html> or no <meta charset=\"utf-8\" />".into());
        }
        Ok(Template {
            before_head: before.replacen("<meta charset=\"utf-8\" />", &meta, 1),
            after_head: format!("{after_head}<body>"),
            tail: format!("</body>{tail}"),
            base: base.to_string(),
            csp,
            loader: None,
            catalogue: String::new(),
        })
    }

    /// Names the embed loader the pages' Embed dialog offers.
    pub fn set_loader(&mut self, loader: &crate::deploy::Loader) {
        self.loader = Some((loader.file.clone(), loader.integrity.clone()));
    }

    /// Names the report's ids and titles, which the islands read.
    pub fn set_catalogue(&mut self, catalogue: &Catalogue) {
        self.catalogue = catalogue.encode();
    }

    /// `<html` with the page's own view, its basis (which the styles show)
    /// and the app's base, which the islands read to hydrate exactly what the
    /// page shows, and the loader's name. (The catalogue is a `<meta>` of the
    /// head: on `<html>` it would push `<meta charset>` past the first 1,024
    /// bytes, where the HTML standard wants it.)
    fn html_tag(&self, view: Option<&ViewState>) -> String {
        let mut tag = String::from("<html");
        if let Some(v) = view {
            tag.push_str(&format!(
                " data-view=\"{}\" data-basis=\"{}\"",
                escape_html(&v.path()),
                v.basis.as_str()
            ));
        }
        tag.push_str(&format!(" data-base=\"{}\"", escape_html(&self.base)));
        if let (Some((file, sri)), Some(_)) = (&self.loader, view) {
            tag.push_str(&format!(
                " data-loader=\"{}\" data-loader-integrity=\"{}\"",
                escape_html(file),
                escape_html(sri)
            ));
        }
        tag
    }

    /// The page of one view.
    pub fn page(&self, view: &ViewState, head: &Head, body: &str) -> String {
        format!(
            "{}    <meta name=\"ee-catalogue\" content=\"{}\" />\n{}{}{}{}",
            self.before_head
                .replacen("<html", &self.html_tag(Some(view)), 1),
            escape_html(&self.catalogue),
            head.to_html(),
            self.after_head,
            body,
            self.tail
        )
    }

    /// A page without the app's scripts (for `404.html`).
    pub fn static_page(&self, head: &Head, body: &str) -> String {
        let mut after = self.after_head.clone();
        for (start, end) in [
            ("<script type=\"importmap\">", "</script>"),
            ("<script type=\"module\" async>", "</script>"),
            ("<link rel=\"preload\"", ">"),
        ] {
            while let Some((a, _, b)) = cut(&after, start, end) {
                after = format!("{a}{b}");
            }
        }
        format!(
            "{}{}{}{}{}",
            self.before_head.replacen("<html", &self.html_tag(None), 1),
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
            oembed: Some("https://x.org/e/non-gaap/card/net-loss/oembed.json".into()),
        }
    }

    fn report() -> earnings_explorer::model::Report {
        earnings_explorer::bundled::report()
    }

    fn template() -> Template {
        Template::parse(TRUNK, "/e/", |href| {
            Ok(format!("/* {href} */ body{{}}").into_bytes())
        })
        .unwrap()
    }

    #[test]
    fn a_page_has_its_head_inlined_css_and_body() {
        let view = ViewState::from_url("non-gaap/card/net-loss/", &Catalogue::of(&report())).0;
        let mut t = template();
        t.set_catalogue(&Catalogue::of(&report()));
        let page = t.page(&view, &head(), "<main>view</main>");
        assert!(page.contains("data-view=\"non-gaap/card/net-loss/\" data-basis=\"non-gaap\""));
        assert!(
            page.contains("<meta name=\"ee-catalogue\" content=\"name\tCerebras Systems Q1 2026\n"),
            "the islands' catalogue"
        );
        assert!(page.contains("\" data-base=\"/e/\" lang=\"en\""));
        assert!(
            !page.contains("<base "),
            "no <base>: the policy has base-uri 'none'"
        );
        assert!(page.contains("<title>Net loss, Non-GAAP — Acme &quot;Q3&quot;</title>"));
        assert!(
            !page.contains("placeholder"),
            "Trunk's placeholders are gone"
        );
        assert!(
            page.contains("<style>body{}body{}</style>"),
            "the CSS, inlined and minified"
        );
        assert!(!page.contains("rel=\"stylesheet\""));
        assert!(page.contains("<meta property=\"og:image\" content=\"https://x.org/e/preview/non-gaap-card-net-loss.png\" />"));
        assert!(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />"));
        assert!(page.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://x.org/e/non-gaap/card/net-loss/oembed.json\" title=\"Net loss, Non-GAAP — Acme &quot;Q3&quot;\" />"));
        assert!(page.contains(
            "<link rel=\"canonical\" href=\"https://x.org/e/non-gaap/card/net-loss/\" />"
        ));
        assert!(page.contains("content=\"A &lt;description&gt;\""));
        assert!(page.contains("<body><main>view</main></body>"));
        let sri = integrity(b"/* /app.js */ body{}");
        assert!(
            page.contains("const bindings = await import(\"/app.js\");"),
            "the app still starts"
        );
        assert!(
            page.contains(&format!("\"integrity\":{{\"/app.js\":\"{sri}\"}}")),
            "the glue's integrity"
        );
        assert!(
            page.contains("fetch(\"/app.wasm\", { integrity: \"sha384-"),
            "the wasm's integrity"
        );
        assert!(
            page.contains("<script type=\"module\" async>"),
            "while the page is read"
        );
        assert!(
            page.contains("bindings[island.dataset.component]")
                && page.contains("bindings.start_page()"),
            "each island hydrates with its export, then the page starts"
        );
        assert!(
            page.contains("no-js app-failed"),
            "a failed start leaves the plain page"
        );
        assert!(
            page.contains(&format!("<link rel=\"preload\" as=\"script\" integrity=\"{sri}\" crossorigin href=\"/app.js\">")),
            "fetched early, compiled late"
        );
        assert!(!page.contains("modulepreload"));
        assert!(!page.contains("noindex"));
    }

    #[test]
    fn css_is_minified_without_changing_its_meaning() {
        let css = "/* a note */\n:root {\n  --font: \"Segoe  UI\", sans-serif;\n}\na > b,\nc :hover { width: calc(1px + 2px); content: \"a /* b */ {\"; }\n";
        assert_eq!(
            minify_css(css),
            ":root{--font: \"Segoe  UI\",sans-serif;}a>b,c :hover{width: calc(1px + 2px);content: \"a /* b */ {\";}"
        );
    }

    #[test]
    fn the_policy_names_every_inline_element_by_hash() {
        let t = template();
        let page = t.page(&ViewState::default(), &head(), "");
        let meta = t.csp.meta();
        assert!(page.contains(&meta), "the page carries its policy");
        let policy = t.csp.header(false);
        for (start, end) in [
            ("<script type=\"importmap\">", "</script>"),
            ("<script type=\"module\" async>", "</script>"),
            ("<style>", "</style>"),
        ] {
            let (_, element, _) = cut(&page, start, end).unwrap();
            assert!(
                policy.contains(&inline_hash(inner(element, end))),
                "{start} is allowed by hash"
            );
        }
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("base-uri 'none'") && policy.contains("object-src 'none'"));
        assert!(policy.ends_with("frame-ancestors 'self'"));
        assert!(t.csp.header(true).ends_with("frame-ancestors *"));
        assert!(
            !meta.contains("frame-ancestors"),
            "ignored in a <meta>, so left out"
        );
    }

    #[test]
    fn embeds_are_not_indexed_and_the_404_page_has_no_app() {
        let t = template();
        let embed = t.page(
            &ViewState {
                embed: true,
                ..ViewState::default()
            },
            &Head {
                index: false,
                ..head()
            },
            "",
        );
        assert!(embed.contains("<meta name=\"robots\" content=\"noindex\" />"));
        let page = t.static_page(&head(), "<main>not found</main>");
        assert!(!page.contains("<script type=\"module\"") && !page.contains("preload"));
        assert!(!page.contains("importmap") && !page.contains("data-view"));
        assert!(page.contains("<main>not found</main>"));
    }

    #[test]
    fn a_template_without_its_landmarks_is_refused() {
        assert!(Template::parse("<html><body></body></html>", "/", |_| Ok(vec![])).is_err());
        let missing_css = Template::parse(TRUNK, "/", |href| Err(format!("cannot read {href}")));
        assert_eq!(missing_css.err().as_deref(), Some("cannot read /a-1.css"));
    }
}

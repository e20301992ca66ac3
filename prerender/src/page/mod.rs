//! Turns Trunk's `index.html` into the page of one view: the view's head
//! ([`head`]), the CSS inlined so the first paint needs one round trip
//! ([`css`]), the start-up script ([`script`]), the content security policy
//! with the hashes of the inline elements (`crate::deploy`), and the rendered
//! body, on an `<html>` that says which view it is.

mod css;
mod head;
mod script;
#[cfg(test)]
mod tests;

pub use css::minify_css;
pub use head::Head;

use earnings_explorer::state::embed::escape_html;
use earnings_explorer::state::{Catalogue, ViewState};

use crate::deploy::{integrity, Csp, Loader};
use script::start_script;

/// Trunk's page, ready to be filled in for each view.
#[derive(Clone)]
pub struct Template {
    /// Everything before the view's head tags.
    before_head: String,
    /// Everything after them up to and including `<body>`.
    after_head: String,
    /// `</body>` and what follows.
    tail: String,
    /// The app's base path, e.g. `/earnings/` (in a site of many reports,
    /// the report's folder, e.g. `/earnings/acme-robotics-q4-2025/`).
    base: String,
    /// From the base to the site's root, where the loader is: `` or `../`.
    to_site: String,
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
            csp.allow_style(&css);
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
            csp.allow_script(inner(element.trim_end(), "</script>"));
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
            csp.allow_script(inner(script, "</script>"));
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
            to_site: String::new(),
            csp,
            loader: None,
            catalogue: String::new(),
        })
    }

    /// Names the embed loader the pages' Embed dialog offers.
    pub fn set_loader(&mut self, loader: &Loader) {
        self.loader = Some((loader.file.clone(), loader.integrity.clone()));
    }

    /// Names the report's ids and titles, which the islands read.
    pub fn set_catalogue(&mut self, catalogue: &Catalogue) {
        self.catalogue = catalogue.encode();
    }

    /// The template of one report of a site of many: its pages live in the
    /// folder `base` (e.g. `/earnings/acme-robotics-q4-2025/`), one level
    /// below the site's root, where the app's files and the loader are.
    pub fn for_report(&self, base: &str, catalogue: &Catalogue) -> Template {
        let mut t = self.clone();
        t.base = base.to_string();
        t.to_site = "../".into();
        t.set_catalogue(catalogue);
        t
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
                " data-loader=\"{}{}\" data-loader-integrity=\"{}\"",
                self.to_site,
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

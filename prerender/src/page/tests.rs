//! The page of a view, from a Trunk page in miniature.

use super::*;
use crate::deploy::inline_hash;

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
    assert!(page
        .contains("<link rel=\"canonical\" href=\"https://x.org/e/non-gaap/card/net-loss/\" />"));
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
        page.contains(&format!(
            "<link rel=\"preload\" as=\"script\" integrity=\"{sri}\" crossorigin href=\"/app.js\">"
        )),
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

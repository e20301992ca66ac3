//! The components render natively to HTML (as a pre-renderer would), for the
//! bundled report, for a second report in the same format, and for hostile
//! links. (A broken dataset fails the build: see tests/dataset.rs.)

use std::sync::Arc;

use earnings_explorer::model::Report;
use earnings_explorer::App;
use leptos::prelude::*;

const ACME: &str = include_str!("fixtures/acme-q3-2025.json");

fn render(dataset: &str, url: &str) -> String {
    let report = Arc::new(Report::from_json(dataset).expect("the dataset is valid"));
    let owner = Owner::new();
    let url = url.to_string();
    owner.with(|| view! { <App report=report url=url/> }.to_html())
}

/// The bundled report, as the app carries it (compiled in).
fn render_bundled(url: &str) -> String {
    let owner = Owner::new();
    let url = url.to_string();
    owner.with(|| view! { <App url=url/> }.to_html())
}

#[test]
fn the_default_view_shows_the_headline_figures_with_their_basis() {
    let html = render_bundled("");
    for text in [
        "Cerebras Systems",
        "Q1 2026",
        "23 Jun 2026",
        "$193.4M",
        "Beat",
        "Miss",
        "−$14.0M",
        "GAAP",
        "47%",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
    let slot = html
        .find("class=\"bridge-slot\"")
        .expect("the bridge is in the page");
    let tag = &html[html[..slot].rfind('<').unwrap()..slot + html[slot..].find('>').unwrap()];
    assert!(
        tag.contains("data-for-basis=\"non-gaap\""),
        "for the non-GAAP basis only: {tag}"
    );
    // A card that follows the basis carries both of its forms, each marked.
    let loss = &html[html
        .find("id=\"card-net-loss\"")
        .expect("the net loss card")..];
    let loss = &loss[..loss.find("</article>").unwrap()];
    let gaap = loss.find("data-for-basis=\"gaap\"").expect("its GAAP form");
    let adjusted = loss
        .find("data-for-basis=\"non-gaap\"")
        .expect("its non-GAAP form");
    assert!(gaap < adjusted);
    assert!(loss[gaap..adjusted].contains("−$14.0M") && !loss[gaap..adjusted].contains("−$2.5M"));
    assert!(loss[adjusted..].contains("−$2.5M"));
}

/// The `data-component` names of the islands in a page, in order.
fn islands(html: &str) -> Vec<&str> {
    html.split("<leptos-island data-component=\"")
        .skip(1)
        .filter_map(|s| s.split('_').next())
        .collect()
}

#[test]
fn only_the_controls_are_islands() {
    let html = render_bundled("card/revenue/");
    let names = islands(&html);
    for name in [
        "BasisSwitch",
        "SectionNav",
        "ShareButton",
        "EmbedDialog",
        "UrlNotice",
        "FaqFilter",
    ] {
        assert!(names.contains(&name), "{name} is an island: {names:?}");
    }
    // The toolbar's, each card's and each answer's share buttons.
    let shares = names.iter().filter(|n| **n == "ShareButton").count();
    assert!(shares > 10, "{shares} share buttons");
    assert!(
        !html.contains("data-props"),
        "islands take no props: the wasm has no JSON parser"
    );
    // Text the reader only reads is outside every island. (The Embed
    // dialog lists the cards and questions by the titles of the page's
    // catalogue, never a figure or an answer.)
    let first = html.find("<leptos-island").unwrap();
    assert!(html[..first].contains("Cerebras Systems"));
    for island in html.split("<leptos-island").skip(1) {
        let inside = &island[..island.find("</leptos-island>").unwrap()];
        let lists_titles = inside.contains("data-component=\"EmbedDialog");
        assert!(
            !inside.contains("$193.4M") && (lists_titles || !inside.contains("wafer")),
            "{inside}"
        );
        assert!(
            !inside.contains("single silicon wafer"),
            "no answer's text: {inside}"
        );
    }
    let embed = render_bundled("embed/card/net-loss/");
    assert_eq!(
        islands(&embed),
        ["BasisSwitch", "FullReportLink", "UrlNotice", "ShareButton"]
    );
}

#[test]
fn the_non_gaap_view_shows_adjusted_figures_and_the_bridge() {
    let html = render_bundled("non-gaap/card/eps/");
    assert!(html.contains("Reconciliation: GAAP to non-GAAP"));
    assert!(html.contains("−$2.5M"));
    assert!(
        html.contains("not reported"),
        "non-GAAP EPS is not invented"
    );
}

#[test]
fn a_card_or_an_answer_opens_from_the_path() {
    let html = render_bundled("card/gross-margin/");
    let open_card = html
        .find("id=\"card-gross-margin\"")
        .expect("card rendered");
    let details = &html[open_card..open_card + 400];
    assert!(details.contains(" open"), "card opens: {details}");
    let html = render_bundled("faq/why-the-stock-fell/");
    let faq = html
        .find("id=\"faq-why-the-stock-fell\"")
        .expect("answer rendered");
    assert!(html[faq..faq + 200].contains(" open"), "answer opens");
}

#[test]
fn the_page_renders_what_its_path_names_and_nothing_of_the_query() {
    // The query (an older link, a theme) is applied once the page runs, so
    // the markup matches the pre-rendered page of the path.
    assert_eq!(
        render_bundled("card/eps/?faq=what-next&theme=dark#faq"),
        render_bundled("card/eps/")
    );
    assert_eq!(
        render_bundled("?basis=non-gaap&card=eps"),
        render_bundled("")
    );
}

#[test]
fn a_second_report_renders_through_the_same_code() {
    let html = render(ACME, "non-gaap/");
    for text in [
        "Acme Robotics",
        "Q3 2025",
        "$412.0M",
        "Miss",
        "$42.0M",
        "Share-based pay",
        "51–53%",
    ] {
        assert!(html.contains(text), "missing {text}");
    }
    assert!(
        !html.contains("Cerebras"),
        "nothing of the bundled report leaks in"
    );
    assert!(
        !html.contains("id=\"stock\""),
        "sections the report lacks are left out"
    );
    // Paths the bundled report never takes: a non-GAAP EPS with a beat, a
    // profit, a bridge of two adjustments.
    let eps = render(ACME, "non-gaap/card/eps/");
    for text in [
        "$0.58",
        "Non-GAAP",
        "Beat",
        "+$0.06",
        "$22.4M",
        "Amortisation of acquired intangibles",
    ] {
        assert!(eps.contains(text), "missing {text}");
    }
    assert!(
        !eps.contains("not reported"),
        "every figure of this report is reported"
    );
    assert!(
        render(ACME, "card/eps/").contains("$0.41"),
        "the GAAP EPS on the GAAP basis"
    );
}

#[test]
fn hostile_link_values_never_become_markup() {
    let html = render_bundled("card/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/?basis=%3Cb%3E");
    assert!(
        !html.contains("<img src=x"),
        "markup from the URL must not be rendered"
    );
    assert_eq!(html, render_bundled(""), "the default view stands in");
}

#[test]
fn embed_mode_shows_only_the_part_the_view_is_about() {
    let html = render_bundled("embed/faq/wafer-scale/");
    assert!(html.contains("Full report ↗"));
    assert!(html.contains("What is a wafer-scale chip?"));
    assert!(!html.contains("aria-label=\"Sections\""), "no page chrome");
    assert!(!html.contains("id=\"metrics\""), "only the answer");
    assert!(!html.contains("Why did the shares fall"), "no other answer");
    assert!(
        !html.contains("name=\"basis\""),
        "an answer does not follow the basis"
    );
    // One card alone; the net loss brings its bridge and the switch.
    let card = render_bundled("embed/non-gaap/card/net-loss/");
    assert_eq!(card.matches("class=\"card__title\"").count(), 1);
    assert!(
        card.contains("id=\"card-net-loss\"") && card.contains("Reconciliation: GAAP to non-GAAP")
    );
    assert!(card.contains("name=\"basis\""));
    assert!(
        card.contains("href=\"/non-gaap/card/net-loss/\""),
        "the way out drops the embed flags"
    );
    let revenue = render_bundled("embed/card/revenue/");
    assert_eq!(revenue.matches("class=\"card__title\"").count(), 1);
    assert!(
        !revenue.contains("name=\"basis\""),
        "revenue has no non-GAAP form"
    );
    // A section: all of it, and nothing else.
    let guidance = render_bundled("embed/section/guidance/");
    assert!(guidance.contains("id=\"guidance\""));
    assert!(!guidance.contains("class=\"card__title\""));
    assert!(!guidance.contains("name=\"basis\""));
    let metrics = render_bundled("embed/non-gaap/section/metrics/");
    assert!(metrics.matches("class=\"card__title\"").count() > 3);
    assert!(metrics.contains("name=\"basis\""));
}

#[test]
fn the_compact_headline_figures_switch_and_link_out_rather_than_open() {
    let html = render_bundled("embed/compact/section/metrics/");
    assert!(html.contains("name=\"basis\""), "the switch is there");
    assert!(!html.contains("<details"), "no card opens");
    assert!(
        !html.contains("card__about"),
        "nor carries what opening shows"
    );
    assert!(!html.contains("section__lead"));
    // Each card's title links to its full card once per basis; the page's
    // basis shows one of them.
    assert!(html.contains(
        "<a data-for-basis=\"gaap\" href=\"/card/net-loss/\" target=\"_blank\" rel=\"noopener\" class=\"card__link\">Net loss</a>"
    ));
    assert!(html.contains(
        "<a data-for-basis=\"non-gaap\" href=\"/non-gaap/card/net-loss/\" target=\"_blank\" rel=\"noopener\" class=\"card__link\">Net loss</a>"
    ));
    assert_eq!(
        html.matches("class=\"card__link\"").count(),
        2 * html.matches("class=\"card card--link\"").count()
    );
    // One card in compact form has no switch: it quotes one number.
    let card = render_bundled("embed/compact/non-gaap/card/net-loss/");
    assert!(!card.contains("name=\"basis\""));
}

#[test]
fn terms_open_in_place_and_the_glossary_lists_them() {
    let html = render_bundled("");
    assert!(
        html.contains("popovertarget=\"term-wafer-scale\""),
        "a term in the masthead"
    );
    assert!(html.contains("id=\"term-gaap\" popover=\"auto\""));
    assert!(html.contains("generally accepted accounting principles"));
    assert!(html.contains("id=\"glossary\""));
    // An embed carries the definitions of its own terms only, out of the way.
    let card = render_bundled("embed/card/gross-margin/");
    assert!(card.contains("glossary--on-demand"));
    assert!(card.contains("id=\"term-core\""));
    assert!(!card.contains("id=\"term-ipo\""));
}

#[test]
fn the_sources_link_every_figure_as_files() {
    let html = render_bundled("");
    assert!(
        html.contains("href=\"/cerebras-systems-q1-2026-figures.csv\""),
        "a plain link"
    );
    assert!(html.contains("download=\"cerebras-systems-q1-2026-figures.json\""));
    assert!(html.contains("CSV ("), "with its size");
}

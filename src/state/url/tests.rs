//! Examples of the address rules.

use super::*;
use crate::model::Report;

fn report() -> Report {
    crate::bundled::report()
}

fn names() -> Catalogue {
    Catalogue::of(&report())
}

fn parse(url: &str) -> (ViewState, Vec<Problem>) {
    ViewState::from_url(url, &names())
}

#[test]
fn default_view_is_the_base() {
    assert_eq!(ViewState::default().to_href(), "./");
    assert_eq!(ViewState::default().path(), "");
    for url in ["", "./", "/", "index.html"] {
        assert_eq!(parse(url), (ViewState::default(), vec![]), "{url:?}");
    }
}

#[test]
fn every_reachable_view_round_trips() {
    let r = report();
    // Every pre-rendered view, and each of them scrolled to each section.
    let mut views = crate::state::meta::pre_rendered_views(&r);
    for v in views.clone() {
        for s in Section::ALL {
            let scrolled = ViewState {
                section: Some(s),
                ..v.clone()
            };
            // (no compact form of any section but the headline figures)
            if !scrolled.compact || scrolled.compacts() {
                views.push(scrolled);
            }
        }
    }
    views.push(ViewState {
        basis: Accounting::NonGaap,
        card: Some("net-loss".into()),
        faq: Some("gaap-or-non-gaap".into()),
        section: Some(Section::Faq),
        ..Default::default()
    });
    for theme in [Theme::Auto, Theme::Light, Theme::Dark] {
        for transparent in [false, true] {
            views.push(ViewState {
                card: Some("eps".into()),
                embed: true,
                theme,
                transparent,
                ..Default::default()
            });
        }
    }
    for v in views {
        let href = v.to_href();
        let (back, problems) = ViewState::from_url(&href, &names());
        assert_eq!(back, v, "href {href}");
        assert!(problems.is_empty(), "href {href}: {problems:?}");
    }
}

#[test]
fn canonical_links_are_short_and_readable() {
    let v = ViewState {
        basis: Accounting::NonGaap,
        card: Some("net-loss".into()),
        ..Default::default()
    };
    assert_eq!(v.to_href(), "non-gaap/card/net-loss/");
    let embedded = ViewState {
        embed: true,
        theme: Theme::Dark,
        transparent: true,
        ..v.clone()
    };
    assert_eq!(
        embedded.to_href(),
        "embed/non-gaap/card/net-loss/?theme=dark&bg=transparent"
    );
    assert_eq!(
        embedded.shared(),
        v,
        "a share link carries the view, not the embedding"
    );
    let both = ViewState {
        faq: Some("what-next".into()),
        section: Some(Section::Faq),
        ..v
    };
    assert_eq!(both.to_href(), "non-gaap/card/net-loss/?faq=what-next#faq");
    assert_eq!(
        both.path(),
        "non-gaap/card/net-loss/",
        "the page shows the card; the answer opens on top"
    );
    let section = ViewState {
        section: Some(Section::Analysts),
        ..Default::default()
    };
    assert_eq!(section.to_href(), "./#analysts");
}

#[test]
fn older_query_links_keep_working() {
    let (v, p) = parse("?basis=non-gaap&card=net-loss");
    assert_eq!(v.to_href(), "non-gaap/card/net-loss/");
    assert!(p.is_empty());
    let (v, p) = parse("?metric=net-loss&question=wafer-scale&basis=adjusted&section=faq");
    assert_eq!(v.to_href(), "non-gaap/card/net-loss/?faq=wafer-scale#faq");
    assert!(p.is_empty());
    let (v, _) = parse("?card=eps&embed=1&theme=dark");
    assert_eq!(v.to_href(), "embed/card/eps/?theme=dark");
    assert_eq!(parse("#card-eps").0.card.as_deref(), Some("eps"));
    assert_eq!(
        parse("non-gaap/#faq-what-next").0.faq.as_deref(),
        Some("what-next")
    );
    assert_eq!(parse("#analysts").0.section, Some(Section::Analysts));
    // A path or query wins over an anchor; an unknown anchor is ignored quietly.
    assert_eq!(parse("card/cash/#card-eps").0.card.as_deref(), Some("cash"));
    assert_eq!(parse("#nothing-here"), (ViewState::default(), vec![]));
}

#[test]
fn paths_are_read_as_the_build_writes_them() {
    // Escapes are decoded (as a static host does before its file lookup).
    let (v, p) = parse("non-gaap/card/net%2Dloss/?utm_source=x");
    assert_eq!(v.card.as_deref(), Some("net-loss"));
    assert!(p.is_empty(), "unknown query names are ignored: {p:?}");
    // Other spellings have no page on a static host, so none here either.
    let r = report();
    let pages: Vec<String> = crate::state::meta::pre_rendered_views(&r)
        .iter()
        .map(ViewState::path)
        .collect();
    for url in [
        "NON_GAAP/",
        "Non-GAAP/",
        "gaap/",
        "card/Revenue/",
        "embed%2Fcard/revenue/",
        "embed/embed/",
        "card/revenue/non-gaap/",
        "non-gaap/embed/",
        "card/eps/card/revenue/",
    ] {
        let (v, p) = parse(url);
        assert!(!p.is_empty(), "{url} is reported");
        assert!(
            pages.contains(&v.path()),
            "{url} falls back to a pre-rendered view"
        );
    }
    assert_eq!(parse("card/Revenue/").0, ViewState::default());
    assert_eq!(parse("embed/embed/").0.path(), "embed/section/metrics/");
    // The query keeps the looser forms of older links.
    let (v, p) = parse("?basis=NON_GAAP&card=Net-Loss");
    assert_eq!(v.to_href(), "non-gaap/card/net-loss/");
    assert!(p.is_empty());
    // `+` is a space in a query only.
    assert_eq!(parse("?section=+faq+").0.section, Some(Section::Faq));
}

#[test]
fn embeds_name_a_card_an_answer_or_a_section() {
    let r = report();
    let (v, p) = parse("embed/non-gaap/section/metrics/?card=eps");
    assert!(p.is_empty());
    assert_eq!(v.focus(), Some(Focus::Section(Section::Metrics)));
    assert_eq!(
        v.card.as_deref(),
        Some("eps"),
        "a card open inside the section"
    );
    assert_eq!(v.path(), "embed/non-gaap/section/metrics/");
    assert_eq!(v.to_href(), "embed/non-gaap/section/metrics/?card=eps");
    assert_eq!(
        parse("embed/card/eps/").0.focus(),
        Some(Focus::Card("eps".into()))
    );
    assert_eq!(
        parse("embed/faq/wafer-scale/").0.focus(),
        Some(Focus::Answer("wafer-scale".into()))
    );
    // An embed that names nothing is the headline figures' embed.
    assert_eq!(parse("embed/").0.path(), "embed/section/metrics/");
    // A card's embed has no sections to scroll to.
    assert_eq!(parse("embed/card/eps/#guidance").0.section, None);
    // Sections are in the path of embeds only, and must exist.
    for bad in ["section/guidance/", "embed/section/nope/", "embed/section/"] {
        let (v, p) = parse(bad);
        assert!(!p.is_empty(), "{bad}");
        assert!(
            crate::state::meta::pre_rendered_views(&r)
                .iter()
                .any(|page| page.path() == v.path()),
            "{bad}"
        );
    }
    // Older links to a section's embed load its page.
    let home_embed = parse("embed/").0.pre_rendered();
    assert_eq!(
        arrive(&home_embed, "embed/#deals", &names()),
        Arrival::Load("embed/section/deals/".into())
    );
    assert_eq!(
        arrive(&ViewState::default(), "?embed=1&section=deals", &names()),
        Arrival::Load("embed/section/deals/".into())
    );
}

#[test]
fn only_so_many_query_parameters_are_read() {
    let padding = "x=1&".repeat(MAX_PARAMS);
    assert_eq!(
        parse(&format!("?{padding}basis=non-gaap")).0.basis,
        Accounting::Gaap
    );
    assert_eq!(parse("?x=1&basis=non-gaap").0.basis, Accounting::NonGaap);
}

#[test]
fn arriving_shows_loads_or_keeps_the_page() {
    let home = ViewState::default();
    let card = |id: &str| ViewState {
        card: Some(id.into()),
        ..Default::default()
    };
    let embed_eps = ViewState {
        embed: true,
        ..card("eps")
    };
    // On its own page, the whole address applies.
    let address = "card/eps/?faq=what-next&theme=dark#faq";
    assert_eq!(
        arrive(&card("eps"), address, &names()),
        Arrival::Show(parse(address).0, vec![])
    );
    // An older link to a view of the same layout is shown in place.
    assert_eq!(
        arrive(&home, "?card=eps", &names()),
        Arrival::Show(card("eps"), vec![])
    );
    // One to an embed loads the embed's page, which then shows itself.
    assert_eq!(
        arrive(&home, "?card=eps&embed=1", &names()),
        Arrival::Load("embed/card/eps/".into())
    );
    assert_eq!(
        arrive(&embed_eps, "embed/card/eps/", &names()),
        Arrival::Show(embed_eps.clone(), vec![])
    );
    // A rewriting host served the home page for an embed it lacks: no loop.
    assert_eq!(
        arrive(&home, "embed/card/eps/", &names()),
        Arrival::Show(home.clone(), vec![Problem::new("page")])
    );
    // Unknown or malformed parts keep the page's own view, with a notice.
    for (page, url) in [
        (&home, "embed/card/nope/"),
        (&home, "non-gaap/card/zzz/"),
        (&home, "NON-GAAP/"),
        (&embed_eps, "embed%2Fcard/eps/"),
        (&home, "embed/embed/"),
    ] {
        match arrive(page, url, &names()) {
            Arrival::Show(v, p) => {
                assert_eq!(v.path(), page.path(), "{url}");
                assert!(!p.is_empty(), "{url}");
            }
            other => panic!("{url}: {other:?}"),
        }
    }
}

#[test]
fn unknown_values_fall_back_and_are_reported() {
    let (v, p) = parse("ifrs/card/nope/?faq=&section=secret");
    assert_eq!(v, ViewState::default());
    let params: Vec<_> = p.iter().map(|p| p.param).collect();
    assert_eq!(
        params,
        ["path", "faq", "section"],
        "the path stops at its first bad part"
    );
    let (v, p) = parse("card/nope/?faq=&section=secret");
    assert_eq!(v, ViewState::default());
    let params: Vec<_> = p.iter().map(|p| p.param).collect();
    assert_eq!(params, ["card", "faq", "section"]);
    let (v, p) = parse("card/");
    assert_eq!(
        (v, p.len()),
        (ViewState::default(), 1),
        "a card segment needs an id"
    );
}

#[test]
fn embed_flags_are_read_in_their_forms() {
    for q in ["?embed", "?embed=", "?embed=1", "?embed=TRUE", "embed/"] {
        assert!(parse(q).0.embed, "{q}");
    }
    let (v, p) = parse("?embed=0&theme=Dark&bg=transparent");
    assert!(!v.embed && v.transparent && v.theme == Theme::Dark && p.is_empty());
    let (v, p) = parse("?embed=maybe&theme=neon&bg=red");
    assert_eq!(v, ViewState::default());
    let params: Vec<_> = p.iter().map(|p| p.param).collect();
    assert_eq!(params, ["embed", "theme", "bg"]);
}

#[test]
fn notices_never_repeat_the_link() {
    let evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E".repeat(5);
    let (v, p) = parse(&format!("card/{evil}/?basis=%ZZ%&theme={evil}"));
    assert_eq!(v, ViewState::default());
    assert_eq!(p.len(), 3);
    for problem in p {
        let m = problem.message();
        assert!(
            !m.contains("script") && !m.contains('%') && !m.contains('<'),
            "{m}"
        );
    }
}

#[test]
fn links_resolve_against_the_base() {
    assert_eq!(
        resolve("https://x.org/earnings/", "./"),
        "https://x.org/earnings/"
    );
    assert_eq!(
        resolve("https://x.org/earnings/", "./#faq"),
        "https://x.org/earnings/#faq"
    );
    assert_eq!(
        resolve("https://x.org/earnings/index.html?a", "card/eps/"),
        "https://x.org/earnings/card/eps/"
    );
    // A report of a site of many reaches the site's files one folder up,
    // never above the host or the root.
    assert_eq!(
        resolve("https://x.org/earnings/acme-q4/", "../embed.js"),
        "https://x.org/earnings/embed.js"
    );
    assert_eq!(resolve("/acme-q4/", "../embed.js"), "/embed.js");
    assert_eq!(
        resolve("https://x.org/", "../../embed.js"),
        "https://x.org/embed.js"
    );
    assert_eq!(resolve("/", "../embed.js"), "/embed.js");
}

#[test]
fn first_occurrence_in_the_query_wins() {
    assert_eq!(
        parse("?basis=non-gaap&basis=gaap").0.basis,
        Accounting::NonGaap
    );
}

#[test]
fn titles_follow_the_view() {
    let v = ViewState {
        basis: Accounting::NonGaap,
        card: Some("net-loss".into()),
        ..Default::default()
    };
    assert_eq!(
        v.title(&names()),
        "Net loss, Non-GAAP — Cerebras Systems Q1 2026"
    );
    let v = ViewState {
        card: Some("revenue".into()),
        ..Default::default()
    };
    assert_eq!(v.title(&names()), "Revenue — Cerebras Systems Q1 2026");
    assert_eq!(
        ViewState::default().title(&names()),
        "Cerebras Systems Q1 2026 — Earnings Explorer"
    );
}

//! Properties over arbitrary addresses, with a few thousand cases each in the
//! test run; `PROPTEST_CASES=1000000 cargo test --release --lib url::props`
//! runs a million each (see the README).

use std::sync::OnceLock;

use proptest::prelude::*;

use super::*;
use crate::model::Report;
use crate::state::meta::pre_rendered_views;

fn report() -> &'static Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT.get_or_init(crate::bundled::report)
}

fn names() -> &'static Catalogue {
    static NAMES: OnceLock<Catalogue> = OnceLock::new();
    NAMES.get_or_init(|| Catalogue::of(report()))
}

fn pages() -> &'static Vec<ViewState> {
    static PAGES: OnceLock<Vec<ViewState>> = OnceLock::new();
    PAGES.get_or_init(|| pre_rendered_views(report()))
}

fn config() -> ProptestConfig {
    crate::proptest_config(3_000)
}

/// Pieces of addresses: the real words, their near misses, and escapes.
fn word() -> impl Strategy<Value = String> {
    let r = report();
    let mut words: Vec<String> = [
        "embed",
        "card",
        "faq",
        "non-gaap",
        "gaap",
        "NON-GAAP",
        "Non_GAAP",
        "index.html",
        ".",
        "..",
        "",
        "%2F",
        "embed%2Fcard",
        "%2e%2e",
        "%",
        "%ZZ",
        "%C3%A9",
        "+",
        "%00",
        "\u{e9}",
        "<script>",
        "\"",
        "'",
        " ",
        "?",
        "#",
        "&",
        "=",
        "basis",
        "section",
        "theme",
        "bg",
        "metric",
        "question",
        "dark",
        "transparent",
        "1",
        "utm_source",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    words.extend(r.cards.iter().map(|c| c.id.clone()));
    words.extend(r.faq.iter().map(|q| q.id.clone()));
    words.extend(r.cards.iter().map(|c| c.id.to_uppercase()));
    words.extend(
        crate::state::Section::ALL
            .iter()
            .map(|s| s.as_str().to_string()),
    );
    prop_oneof![
        4 => proptest::sample::select(words),
        1 => "\\PC{0,12}",
    ]
}

/// Addresses built from those pieces, or any text at all.
fn address() -> impl Strategy<Value = String> {
    let joined = (
        proptest::collection::vec(word(), 0..6),
        proptest::collection::vec((word(), word()), 0..5),
        proptest::option::of(word()),
        any::<bool>(),
    )
        .prop_map(|(segments, query, fragment, slash)| {
            let mut url = segments.join("/");
            if slash {
                url.push('/');
            }
            if !query.is_empty() {
                url.push('?');
                let pairs: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
                url.push_str(&pairs.join("&"));
            }
            if let Some(f) = fragment {
                url.push('#');
                url.push_str(&f);
            }
            url
        });
    prop_oneof![3 => joined, 1 => "\\PC{0,80}", 1 => any::<String>()]
}

/// Any view a reader can reach.
fn view() -> impl Strategy<Value = ViewState> {
    let r = report();
    let cards: Vec<String> = r.cards.iter().map(|c| c.id.clone()).collect();
    let answers: Vec<String> = r.faq.iter().map(|q| q.id.clone()).collect();
    let sections: Vec<Section> = Section::ALL
        .into_iter()
        .filter(|s| s.present_in(r))
        .collect();
    (
        proptest::sample::select(Accounting::ALL.to_vec()),
        proptest::option::of(proptest::sample::select(cards)),
        proptest::option::of(proptest::sample::select(answers)),
        proptest::option::of(proptest::sample::select(sections)),
        any::<bool>(),
        proptest::sample::select(vec![Theme::Auto, Theme::Light, Theme::Dark]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(basis, card, faq, section, embed, theme, transparent, compact)| {
                // An embed always shows something: with nothing named,
                // the headline figures (as the parser reads `embed/`).
                let section = match (embed, &card, &faq, section) {
                    (true, None, None, None) => Some(Section::Metrics),
                    (_, _, _, s) => s,
                };
                let mut view = ViewState {
                    basis,
                    card,
                    faq,
                    section,
                    embed,
                    theme,
                    transparent,
                    compact: false,
                };
                // Only the embed of a card or of the headline figures has a
                // compact form.
                view.compact = compact && view.compacts();
                view
            },
        )
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_address_parses_to_a_pre_rendered_page(url in address()) {
        let (v, problems) = ViewState::from_url(&url, names());
        prop_assert!(pages().iter().any(|p| p.path() == v.path()), "{url:?} gave {:?}", v.path());
        for p in problems {
            prop_assert!(!p.message().is_empty());
        }
    }

    #[test]
    fn every_view_round_trips_through_its_link(v in view()) {
        let href = v.to_href();
        prop_assert_eq!(ViewState::from_url(&href, names()), (v, vec![]), "{}", href);
    }

    #[test]
    fn links_use_only_url_safe_characters(v in view()) {
        let href = v.to_href();
        prop_assert!(
            href.chars().all(|c| c.is_ascii_alphanumeric() || "-._~/?#&=".contains(c)),
            "{}", href
        );
    }

    #[test]
    fn arriving_never_loops_and_stays_on_known_pages(
        page in proptest::sample::select(pages().clone()),
        url in address(),
    ) {
        match arrive(&page, &url, names()) {
            Arrival::Show(v, _) => {
                prop_assert!(pages().iter().any(|p| p.path() == v.path()));
                prop_assert!(v.embed == page.embed, "the layout is the page's");
            }
            Arrival::Load(href) => {
                let next = ViewState::from_url(&href, names()).0.pre_rendered();
                prop_assert!(pages().contains(&next));
                let again = arrive(&next, &href, names());
                prop_assert!(matches!(again, Arrival::Show(_, ref p) if p.is_empty()), "{:?}", again);
            }
        }
    }
}

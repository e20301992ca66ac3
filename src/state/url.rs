//! The URL ⇄ view-state mapping, in one place. Every view a reader can reach
//! (basis, open card, open FAQ answer, section, embedding) has one canonical
//! link relative to the app's base: the path names what a pre-rendered page
//! shows (`embed/`, `non-gaap/`, `card/<id>/` or `faq/<id>/`), the query the
//! presentation (`theme`, `bg`), the fragment the section. Parsing any URL
//! gives a valid state plus the problems found. Pure: no Leptos, no browser.

use super::catalogue::Catalogue;
use crate::model::{Accounting, Report};

/// A part of the page a link can jump to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Metrics,
    Guidance,
    Stock,
    Deals,
    Analysts,
    Watch,
    Faq,
    Sources,
    Glossary,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Metrics,
        Section::Guidance,
        Section::Stock,
        Section::Deals,
        Section::Analysts,
        Section::Watch,
        Section::Faq,
        Section::Sources,
        Section::Glossary,
    ];

    /// The URL value and the element id.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Metrics => "metrics",
            Section::Guidance => "guidance",
            Section::Stock => "stock",
            Section::Deals => "deals",
            Section::Analysts => "analysts",
            Section::Watch => "watch",
            Section::Faq => "faq",
            Section::Glossary => "glossary",
            Section::Sources => "sources",
        }
    }

    /// The heading a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Section::Metrics => "Headline figures",
            Section::Guidance => "Guidance",
            Section::Stock => "Stock reaction",
            Section::Deals => "Partner deals",
            Section::Analysts => "Analyst targets",
            Section::Watch => "What to watch",
            Section::Faq => "Questions",
            Section::Glossary => "Glossary",
            Section::Sources => "Sources",
        }
    }

    pub fn parse(text: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the report has anything to show in this section.
    pub fn present_in(self, report: &Report) -> bool {
        match self {
            Section::Metrics | Section::Sources => true,
            Section::Guidance => !report.guidance.is_empty(),
            Section::Stock => report.stock.is_some(),
            Section::Deals => !report.deals.is_empty(),
            Section::Analysts => report.analysts.is_some(),
            Section::Watch => report.watch.is_some(),
            Section::Faq => !report.faq.is_empty(),
            Section::Glossary => !report.glossary.is_empty(),
        }
    }
}

/// The colour theme: following the system (or the embedding page), or fixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text.to_ascii_lowercase().as_str() {
            "auto" | "system" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// What the reader is looking at, and how the page presents it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub basis: Accounting,
    /// The open metric card's id.
    pub card: Option<String>,
    /// The open FAQ answer's id.
    pub faq: Option<String>,
    /// The section scrolled to; in an embed, the section it shows (see
    /// [`ViewState::focus`]).
    pub section: Option<Section>,
    /// Embed mode: no page chrome, only the part of the report the view is
    /// about: one card, one answer or one section.
    pub embed: bool,
    pub theme: Theme,
    /// A transparent page background (for embeds on coloured pages).
    pub transparent: bool,
}

/// What an embed is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Focus {
    /// One card, alone.
    Card(String),
    /// One answer, alone.
    Answer(String),
    /// One section.
    Section(Section),
}

/// A part of an address that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which part: `path`, `card`, `faq`, `basis`, `section`, `embed`,
    /// `theme`, `bg`, or `page` (the page for a valid view did not load).
    pub param: &'static str,
}

impl Problem {
    fn new(param: &'static str) -> Problem {
        Problem { param }
    }

    /// A one-line explanation for the reader. It never repeats text from the
    /// link: a link is free text, and a notice is no place to echo it.
    pub fn message(&self) -> &'static str {
        match self.param {
            "path" => {
                "This link's address is not one this report has, so the nearest view is shown."
            }
            "card" => "This link named a card this report does not have, so none is open.",
            "faq" => "This link named a question this report does not have, so none is open.",
            "basis" => "This link named a basis this report does not have, so GAAP is shown.",
            "section" => "This link named a section this report does not have.",
            "embed" => {
                "This link's embed setting was not understood, so the page is shown as usual."
            }
            "theme" => "This link's theme was not understood, so the theme follows your system.",
            "page" => {
                "The page for this view could not be loaded here, so the nearest view is shown."
            }
            _ => "This link's background setting was not understood, so the usual one is used.",
        }
    }
}

/// At most this many query parameters are read; the rest are ignored.
pub const MAX_PARAMS: usize = 32;

/// Percent-decodes a path segment or fragment (`+` stays a plus: it means a
/// space only in a query). Invalid UTF-8 becomes U+FFFD.
fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// Joins the app's base URL (ending in `/`) and a relative link from
/// [`ViewState::to_href`].
pub fn resolve(base: &str, href: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}{}", href.strip_prefix("./").unwrap_or(href))
}

/// The query's parameters, decoded as a form (`+` is a space), first
/// occurrence of each name only, at most [`MAX_PARAMS`] read.
fn params(query: &str) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).take(MAX_PARAMS)
    {
        if !seen.iter().any(|(name, _)| *name == k) {
            seen.push((k.into_owned(), v.into_owned()));
        }
    }
    seen
}

/// The path part of an address, without a final `index.html` or a leading `./`.
fn path_part(address: &str) -> &str {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix("./").unwrap_or(path);
    path.strip_suffix("index.html").unwrap_or(path)
}

/// What the page does with the address it was opened at, once its own view
/// (the one it was pre-rendered for) is hydrated. See [`arrive`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Show this view on the page, with these problems in a notice.
    Show(ViewState, Vec<Problem>),
    /// Load the pre-rendered page at this link (relative to the app's base):
    /// an older link named a view whose layout differs from this page's.
    Load(String),
}

/// Decides what a page pre-rendered for `page` shows when opened at
/// `address` (relative to the app's base). The page always hydrates `page`
/// first; this is what happens next:
/// - a valid address on its own page, or one that differs only in what the
///   same layout can show (basis, card, answer, section), is shown here;
/// - a valid address whose page has another layout (embed or not) and that is
///   not already that page's path loads it, once: the loaded address is the
///   canonical path, so it cannot ask to load again;
/// - anything else (an unknown, malformed or mixed-case part, or a host that
///   served another page for a valid path) keeps this page's view, takes the
///   address's theme, background and section, and says what was wrong.
pub fn arrive(page: &ViewState, address: &str, catalogue: &Catalogue) -> Arrival {
    let (wanted, mut problems) = ViewState::from_url(address, catalogue);
    if problems.is_empty() {
        if wanted.path() == page.path() || (!wanted.embed && !page.embed) {
            return Arrival::Show(wanted, problems);
        }
        if path_part(address) != wanted.path() {
            return Arrival::Load(wanted.to_href());
        }
        problems.push(Problem::new("page"));
    }
    let in_section = matches!(page.focus(), Some(Focus::Section(_)));
    let view = ViewState {
        faq: if page.card.is_some() || in_section {
            wanted.faq.clone()
        } else {
            page.faq.clone()
        },
        section: if page.embed {
            page.section
        } else {
            wanted.section
        },
        theme: wanted.theme,
        transparent: wanted.transparent,
        ..page.pre_rendered()
    };
    Arrival::Show(view, problems)
}

impl ViewState {
    /// Reads a URL relative to the app's base, e.g.
    /// `non-gaap/card/net-loss/?theme=dark#guidance`, against the report.
    /// What the report does not have falls back to the default and is
    /// reported. Unknown query names (e.g. tracking tags) are ignored.
    ///
    /// Older link forms keep working: the query form of the first versions
    /// (`?basis=non-gaap&card=eps&faq=…&section=…&embed=1`, with `metric=`
    /// and `question=` as aliases) and anchors `#card-<id>`, `#faq-<id>`.
    pub fn from_url(url: &str, catalogue: &Catalogue) -> (ViewState, Vec<Problem>) {
        let (rest, fragment) = url.split_once('#').unwrap_or((url, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut state = ViewState::default();
        let mut problems = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();

        // The path must be one the build pre-renders, spelled exactly:
        // `[embed/][non-gaap/][card/<id>/ | faq/<id>/]`, or in an embed
        // `section/<name>/` instead of a card or an answer. At the first part
        // that does not fit, the rest of the path is ignored.
        let mut segments = path
            .split('/')
            .filter(|s| !s.is_empty() && *s != "." && *s != "index.html")
            .map(decode);
        let mut stage = 0;
        while let Some(segment) = segments.next() {
            let ok = match segment.as_str() {
                "embed" if stage == 0 => {
                    state.embed = true;
                    stage = 1;
                    seen.push("embed");
                    true
                }
                "section" if state.embed && stage < 3 => {
                    seen.push("section");
                    stage = 3;
                    match segments.next().as_deref().and_then(Section::parse) {
                        Some(s) if catalogue.has(s) => {
                            state.section = Some(s);
                            true
                        }
                        _ => {
                            problems.push(Problem::new("section"));
                            break;
                        }
                    }
                }
                "card" | "faq" if stage < 3 => {
                    let key = if segment == "card" { "card" } else { "faq" };
                    seen.push(key);
                    stage = 3;
                    match segments.next() {
                        Some(id) if key == "card" && catalogue.card(&id).is_some() => {
                            state.card = Some(id);
                            true
                        }
                        Some(id) if key == "faq" && catalogue.answer(&id).is_some() => {
                            state.faq = Some(id);
                            true
                        }
                        _ => {
                            problems.push(Problem::new(key));
                            break;
                        }
                    }
                }
                other if stage < 2 => match Accounting::ALL
                    .into_iter()
                    .find(|b| *b != Accounting::default() && b.as_str() == other)
                {
                    Some(b) => {
                        state.basis = b;
                        stage = 2;
                        seen.push("basis");
                        true
                    }
                    None => false,
                },
                _ => false,
            };
            if !ok {
                problems.push(Problem::new("path"));
                break;
            }
        }

        let mut from_query: Vec<&'static str> = Vec::new();
        for (name, value) in params(query) {
            let value = value.trim();
            let key: &'static str = match name.as_str() {
                "basis" => "basis",
                "card" | "metric" => "card",
                "faq" | "question" => "faq",
                "section" => "section",
                "embed" => "embed",
                "theme" => "theme",
                "bg" => "bg",
                _ => continue,
            };
            if from_query.contains(&key) {
                continue;
            }
            from_query.push(key);
            seen.push(key);
            if !state.apply(key, value, catalogue) {
                problems.push(Problem::new(key));
            }
        }

        // The section, or an anchor of an older link, unless already said.
        let anchor = decode(fragment);
        // An embed of a card or an answer has no sections to scroll to.
        let scrolls = !(state.embed && (state.card.is_some() || state.faq.is_some()));
        let legacy = [("card", "card-"), ("faq", "faq-"), ("section", "")]
            .into_iter()
            .find(|(key, prefix)| {
                !seen.contains(key)
                    && anchor.starts_with(prefix)
                    && !anchor.is_empty()
                    && (*key != "section" || scrolls)
            });
        if let Some((key, prefix)) = legacy {
            state.apply(key, &anchor[prefix.len()..], catalogue);
        }
        // An embed that names nothing (`embed/`, an older link) shows the
        // headline figures: it is the embed of that section.
        if state.embed && state.card.is_none() && state.faq.is_none() && state.section.is_none() {
            state.section = Some(Section::Metrics);
        }
        (state, problems)
    }

    /// Sets one parameter from its URL value; false when the value is not usable.
    fn apply(&mut self, key: &str, value: &str, catalogue: &Catalogue) -> bool {
        let lower = value.to_ascii_lowercase();
        match key {
            "basis" => Accounting::parse(value).map(|b| self.basis = b).is_some(),
            "card" => catalogue
                .card(&lower)
                .map(|c| self.card = Some(c.id.clone()))
                .is_some(),
            "faq" => catalogue
                .answer(&lower)
                .map(|q| self.faq = Some(q.id.clone()))
                .is_some(),
            "section" => Section::parse(&lower)
                .filter(|s| catalogue.has(*s))
                .map(|s| self.section = Some(s))
                .is_some(),
            "embed" => match lower.as_str() {
                "" | "1" | "true" | "yes" | "on" => {
                    self.embed = true;
                    true
                }
                "0" | "false" | "no" | "off" => true,
                _ => false,
            },
            "theme" => Theme::parse(value).map(|t| self.theme = t).is_some(),
            "bg" => match lower.as_str() {
                "transparent" => {
                    self.transparent = true;
                    true
                }
                "" | "default" | "page" => true,
                _ => false,
            },
            _ => false,
        }
    }

    /// The same view as a plain page: what a share link carries.
    pub fn shared(&self) -> ViewState {
        ViewState {
            embed: false,
            theme: Theme::Auto,
            transparent: false,
            ..self.clone()
        }
    }

    /// What an embed shows, when this view is one: the section it names, else
    /// the card, else the answer. A page (not an embed) has no focus.
    pub fn focus(&self) -> Option<Focus> {
        if !self.embed {
            return None;
        }
        Some(match (self.section, &self.card, &self.faq) {
            (Some(s), _, _) => Focus::Section(s),
            (None, Some(c), _) => Focus::Card(c.clone()),
            (None, None, Some(q)) => Focus::Answer(q.clone()),
            (None, None, None) => Focus::Section(Section::Metrics),
        })
    }

    /// What a pre-rendered page at this view's path shows: embed, basis, and
    /// the open card (or, without one, the open answer); for an embed, what
    /// it is about. The rest of the view is applied once the page runs.
    pub fn pre_rendered(&self) -> ViewState {
        let page = ViewState {
            basis: self.basis,
            embed: self.embed,
            ..ViewState::default()
        };
        match self.focus() {
            Some(Focus::Section(s)) => ViewState {
                section: Some(s),
                ..page
            },
            _ if self.card.is_some() => ViewState {
                card: self.card.clone(),
                ..page
            },
            _ => ViewState {
                faq: self.faq.clone(),
                ..page
            },
        }
    }

    /// The path of this view's pre-rendered page, relative to the app's base:
    /// empty for the default view, else like `non-gaap/card/net-loss/`.
    pub fn path(&self) -> String {
        let page = self.pre_rendered();
        let mut path = String::new();
        if page.embed {
            path.push_str("embed/");
        }
        if page.basis != Accounting::default() {
            path.push_str(page.basis.as_str());
            path.push('/');
        }
        if let Some(s) = page.section {
            path.push_str(&format!("section/{}/", s.as_str()));
        } else if let Some(c) = &page.card {
            path.push_str(&format!("card/{c}/"));
        } else if let Some(f) = &page.faq {
            path.push_str(&format!("faq/{f}/"));
        }
        path
    }

    /// The canonical link to this view, relative to the app's base: short,
    /// readable, defaults left out, e.g. `non-gaap/card/net-loss/#guidance`;
    /// `./` for the default view.
    pub fn to_href(&self) -> String {
        let mut query = Vec::new();
        // In a section's embed, a card or an answer opened inside it.
        let in_section = matches!(self.focus(), Some(Focus::Section(_)));
        if in_section {
            if let Some(c) = &self.card {
                query.push(format!("card={c}"));
            }
        }
        if self.card.is_some() || in_section {
            if let Some(f) = &self.faq {
                query.push(format!("faq={f}"));
            }
        }
        if self.theme != Theme::Auto {
            query.push(format!("theme={}", self.theme.as_str()));
        }
        if self.transparent {
            query.push("bg=transparent".into());
        }
        let mut href = self.path();
        if !query.is_empty() {
            href.push('?');
            href.push_str(&query.join("&"));
        }
        if let (Some(s), false) = (self.section, self.embed) {
            href.push('#');
            href.push_str(s.as_str());
        }
        if href.is_empty() || href.starts_with('?') || href.starts_with('#') {
            href.insert_str(0, "./");
        }
        href
    }

    /// The document title for this view, e.g. "Net loss, non-GAAP — Cerebras Systems Q1 2026".
    pub fn title(&self, catalogue: &Catalogue) -> String {
        let name = &catalogue.name;
        if let Some(card) = self.card.as_deref().and_then(|id| catalogue.card(id)) {
            return if card.follows_basis {
                format!("{}, {} — {name}", card.title, self.basis.label())
            } else {
                format!("{} — {name}", card.title)
            };
        }
        if let Some(q) = self.faq.as_deref().and_then(|id| catalogue.answer(id)) {
            return format!("{} — {name}", q.question);
        }
        let basis = match self.basis {
            Accounting::Gaap => String::new(),
            b => format!(" ({})", b.label()),
        };
        match self.section {
            Some(s) => format!("{} — {name}{basis}", s.label()),
            None => format!("{name}{basis} — Earnings Explorer"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                views.push(ViewState {
                    section: Some(s),
                    ..v.clone()
                });
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
}

/// Properties over arbitrary addresses, with a few thousand cases each in the
/// test run; `PROPTEST_CASES=1000000 cargo test --release --lib url::props`
/// runs a million each (see the README).
#[cfg(test)]
mod props {
    use std::sync::OnceLock;

    use proptest::prelude::*;

    use super::*;
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
        let cases = std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(3_000);
        ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        }
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
                    let pairs: Vec<String> =
                        query.iter().map(|(k, v)| format!("{k}={v}")).collect();
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
        )
            .prop_map(|(basis, card, faq, section, embed, theme, transparent)| {
                // An embed always shows something: with nothing named,
                // the headline figures (as the parser reads `embed/`).
                let section = match (embed, &card, &faq, section) {
                    (true, None, None, None) => Some(Section::Metrics),
                    (_, _, _, s) => s,
                };
                ViewState {
                    basis,
                    card,
                    faq,
                    section,
                    embed,
                    theme,
                    transparent,
                }
            })
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
}

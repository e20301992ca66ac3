//! The URL ⇄ view-state mapping, in one place. Every view a reader can reach
//! (basis, open card, open FAQ answer, section, embedding) has one canonical
//! link relative to the app's base: the path names what a pre-rendered page
//! shows (`embed/`, `non-gaap/`, `card/<id>/` or `faq/<id>/`), the query the
//! presentation (`theme`, `bg`), the fragment the section. Parsing any URL
//! gives a valid state plus the problems found. Pure: no Leptos, no browser.

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
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::Metrics,
        Section::Guidance,
        Section::Stock,
        Section::Deals,
        Section::Analysts,
        Section::Watch,
        Section::Faq,
        Section::Sources,
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
    /// The section scrolled to.
    pub section: Option<Section>,
    /// Embed mode: no page chrome, only the part of the report the view is about.
    pub embed: bool,
    pub theme: Theme,
    /// A transparent page background (for embeds on coloured pages).
    pub transparent: bool,
}

/// A query parameter whose value could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub param: &'static str,
    /// The value as given, shortened, for the message (always shown as text).
    pub value: String,
}

impl Problem {
    fn new(param: &'static str, value: &str) -> Problem {
        let mut shown: String = value.chars().filter(|c| !c.is_control()).take(40).collect();
        if value.chars().count() > 40 {
            shown.push('…');
        }
        Problem {
            param,
            value: shown,
        }
    }

    /// A one-line explanation for the reader.
    pub fn message(&self) -> String {
        let what = match self.param {
            "basis" => "basis",
            "card" => "card",
            "faq" => "question",
            "section" => "section",
            "path" => "page",
            "embed" => "embed setting",
            "theme" => "theme",
            _ => "background",
        };
        format!(
            "This link asked for the {what} “{}”, which this report does not have, so the default is shown.",
            self.value
        )
    }
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as written.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Joins the app's base URL (ending in `/`) and a relative link from
/// [`ViewState::to_href`].
pub fn resolve(base: &str, href: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}{}", href.strip_prefix("./").unwrap_or(href))
}

/// The query's parameters, decoded, first occurrence of each name only.
fn params(query: &str) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k), decode(v));
        if !seen.iter().any(|(name, _)| *name == k) {
            seen.push((k, v));
        }
    }
    seen
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
    pub fn from_url(url: &str, report: &Report) -> (ViewState, Vec<Problem>) {
        let (rest, fragment) = url.split_once('#').unwrap_or((url, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut state = ViewState::default();
        let mut problems = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();

        let mut segments = path
            .split('/')
            .filter(|s| !s.is_empty() && *s != "." && *s != "index.html");
        while let Some(segment) = segments.next() {
            let segment = decode(segment);
            let (key, value): (&'static str, String) = match segment.as_str() {
                "embed" => ("embed", String::new()),
                "card" | "faq" => {
                    let key = if segment == "card" { "card" } else { "faq" };
                    (key, segments.next().map(decode).unwrap_or_default())
                }
                other => match Accounting::parse(other) {
                    Some(_) => ("basis", other.to_string()),
                    None => {
                        problems.push(Problem::new("path", other));
                        continue;
                    }
                },
            };
            seen.push(key);
            if !state.apply(key, &value, report) {
                problems.push(Problem::new(key, &value));
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
            if !state.apply(key, value, report) {
                problems.push(Problem::new(key, value));
            }
        }

        // The section, or an anchor of an older link, unless already said.
        let anchor = decode(fragment);
        let legacy = [("card", "card-"), ("faq", "faq-"), ("section", "")]
            .into_iter()
            .find(|(key, prefix)| {
                !seen.contains(key) && anchor.starts_with(prefix) && !anchor.is_empty()
            });
        if let Some((key, prefix)) = legacy {
            state.apply(key, &anchor[prefix.len()..], report);
        }
        (state, problems)
    }

    /// Sets one parameter from its URL value; false when the value is not usable.
    fn apply(&mut self, key: &str, value: &str, report: &Report) -> bool {
        let lower = value.to_ascii_lowercase();
        match key {
            "basis" => Accounting::parse(value).map(|b| self.basis = b).is_some(),
            "card" => report
                .card(&lower)
                .map(|c| self.card = Some(c.id.clone()))
                .is_some(),
            "faq" => report
                .faq_item(&lower)
                .map(|q| self.faq = Some(q.id.clone()))
                .is_some(),
            "section" => Section::parse(&lower)
                .filter(|s| s.present_in(report))
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

    /// What a pre-rendered page at this view's path shows: embed, basis, and
    /// the open card (or, without one, the open answer). The rest of the view
    /// is applied once the page runs.
    pub fn pre_rendered(&self) -> ViewState {
        ViewState {
            basis: self.basis,
            card: self.card.clone(),
            faq: if self.card.is_some() {
                None
            } else {
                self.faq.clone()
            },
            embed: self.embed,
            ..ViewState::default()
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
        if let Some(c) = &page.card {
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
        if self.card.is_some() {
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
        if let Some(s) = self.section {
            href.push('#');
            href.push_str(s.as_str());
        }
        if href.is_empty() || href.starts_with('?') || href.starts_with('#') {
            href.insert_str(0, "./");
        }
        href
    }

    /// The document title for this view, e.g. "Net loss, non-GAAP — Cerebras Systems Q1 2026".
    pub fn title(&self, report: &Report) -> String {
        let name = report.name();
        if let Some(card) = self.card.as_deref().and_then(|id| report.card(id)) {
            return if card.non_gaap.is_some() {
                format!("{}, {} — {name}", card.title, self.basis.label())
            } else {
                format!("{} — {name}", card.title)
            };
        }
        if let Some(q) = self.faq.as_deref().and_then(|id| report.faq_item(id)) {
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
        Report::from_json(crate::model::BUNDLED).expect("bundled report loads")
    }

    fn parse(url: &str) -> (ViewState, Vec<Problem>) {
        ViewState::from_url(url, &report())
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
            let (back, problems) = ViewState::from_url(&href, &r);
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
    fn looser_spellings_and_escapes_are_understood() {
        let (v, p) = parse("NON_GAAP/card/Net%2DLoss/?utm_source=x");
        assert_eq!(v.basis, Accounting::NonGaap);
        assert_eq!(v.card.as_deref(), Some("net-loss"));
        assert!(p.is_empty(), "unknown query names are ignored: {p:?}");
    }

    #[test]
    fn unknown_values_fall_back_and_are_reported() {
        let (v, p) = parse("ifrs/card/nope/?faq=&section=secret");
        assert_eq!(v, ViewState::default());
        let params: Vec<_> = p.iter().map(|p| p.param).collect();
        assert_eq!(params, ["path", "card", "faq", "section"]);
        assert!(p[1].message().contains("“nope”"));
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
    fn hostile_values_are_kept_as_short_text() {
        let evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E".repeat(5);
        let (v, p) = parse(&format!("card/{evil}/?basis=%ZZ%"));
        assert_eq!(v, ViewState::default());
        assert_eq!(p.len(), 2);
        assert!(
            p[0].value.starts_with("<script>"),
            "decoded, shown later as text only"
        );
        assert!(p[0].value.chars().count() <= 41);
        assert_eq!(p[1].value, "%ZZ%");
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
        let r = report();
        let v = ViewState {
            basis: Accounting::NonGaap,
            card: Some("net-loss".into()),
            ..Default::default()
        };
        assert_eq!(v.title(&r), "Net loss, Non-GAAP — Cerebras Systems Q1 2026");
        let v = ViewState {
            card: Some("revenue".into()),
            ..Default::default()
        };
        assert_eq!(v.title(&r), "Revenue — Cerebras Systems Q1 2026");
        assert_eq!(
            ViewState::default().title(&r),
            "Cerebras Systems Q1 2026 — Earnings Explorer"
        );
    }
}

//! The URL ⇄ view-state mapping, in one place. Every view a reader can reach
//! (basis, open card, open FAQ answer, section) has one canonical query
//! string; parsing any query gives a valid state plus the problems found.
//! Pure: no Leptos, no browser.

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

/// The query's parameters, decoded, first occurrence of each name only.
pub fn params(query: &str) -> Vec<(String, String)> {
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
    /// Reads a query string (with or without `?`, possibly followed by a
    /// `#fragment`) against the report: values the report does not have fall
    /// back to the default and are reported. Unknown parameter names (e.g.
    /// tracking tags) are ignored silently.
    ///
    /// Older link forms keep working: `metric=` and `question=` for `card=`
    /// and `faq=`, and anchors `#card-<id>`, `#faq-<id>`, `#<section>`.
    pub fn from_query(query: &str, report: &Report) -> (ViewState, Vec<Problem>) {
        let (query, fragment) = query.split_once('#').unwrap_or((query, ""));
        let mut state = ViewState::default();
        let mut problems = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();
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
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            if !state.apply(key, value, report) {
                problems.push(Problem::new(key, value));
            }
        }
        // An anchor of an older link, unless the query already says it.
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

    /// The canonical query: defaults left out, a fixed order, ids that need no
    /// escaping. Empty for the default view, else starting with `?`.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if self.basis != Accounting::default() {
            parts.push(format!("basis={}", self.basis.as_str()));
        }
        if let Some(c) = &self.card {
            parts.push(format!("card={c}"));
        }
        if let Some(f) = &self.faq {
            parts.push(format!("faq={f}"));
        }
        if let Some(s) = self.section {
            parts.push(format!("section={}", s.as_str()));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.as_str()));
        }
        if self.transparent {
            parts.push("bg=transparent".into());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
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

    #[test]
    fn default_view_has_an_empty_query() {
        assert_eq!(ViewState::default().to_query(), "");
        let (s, p) = ViewState::from_query("", &report());
        assert_eq!(s, ViewState::default());
        assert!(p.is_empty());
    }

    #[test]
    fn every_reachable_view_round_trips() {
        let r = report();
        let mut views = vec![];
        for basis in Accounting::ALL {
            views.push(ViewState {
                basis,
                ..Default::default()
            });
            for c in &r.cards {
                views.push(ViewState {
                    basis,
                    card: Some(c.id.clone()),
                    ..Default::default()
                });
            }
            for q in &r.faq {
                views.push(ViewState {
                    basis,
                    faq: Some(q.id.clone()),
                    ..Default::default()
                });
            }
            for s in Section::ALL {
                views.push(ViewState {
                    basis,
                    section: Some(s),
                    ..Default::default()
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
            let q = v.to_query();
            let (back, problems) = ViewState::from_query(&q, &r);
            assert_eq!(back, v, "query {q}");
            assert!(problems.is_empty(), "query {q}: {problems:?}");
        }
    }

    #[test]
    fn canonical_form_is_short_and_ordered() {
        let v = ViewState {
            basis: Accounting::NonGaap,
            card: Some("net-loss".into()),
            ..Default::default()
        };
        assert_eq!(v.to_query(), "?basis=non-gaap&card=net-loss");
        let embedded = ViewState {
            embed: true,
            theme: Theme::Dark,
            transparent: true,
            ..v.clone()
        };
        assert_eq!(
            embedded.to_query(),
            "?basis=non-gaap&card=net-loss&embed=1&theme=dark&bg=transparent"
        );
        assert_eq!(
            embedded.shared(),
            v,
            "a share link carries the view, not the embedding"
        );
        let (parsed, _) = ViewState::from_query("card=net-loss&basis=non-gaap", &report());
        assert_eq!(parsed.to_query(), "?basis=non-gaap&card=net-loss");
    }

    #[test]
    fn looser_spellings_and_escapes_are_understood() {
        let (v, p) =
            ViewState::from_query("?basis=NON_GAAP&card=Net%2DLoss&utm_source=x", &report());
        assert_eq!(v.basis, Accounting::NonGaap);
        assert_eq!(v.card.as_deref(), Some("net-loss"));
        assert!(p.is_empty(), "unknown names are ignored: {p:?}");
    }

    #[test]
    fn unknown_values_fall_back_and_are_reported() {
        let (v, p) = ViewState::from_query("basis=ifrs&card=nope&faq=&section=secret", &report());
        assert_eq!(v, ViewState::default());
        let params: Vec<_> = p.iter().map(|p| p.param).collect();
        assert_eq!(params, ["basis", "card", "faq", "section"]);
        assert!(p[1].message().contains("“nope”"));
    }

    #[test]
    fn hostile_values_are_kept_as_short_text() {
        let evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E".repeat(5);
        let (v, p) = ViewState::from_query(&format!("card={evil}&basis=%ZZ%"), &report());
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
    fn embed_flags_are_read_in_their_forms() {
        let r = report();
        for q in ["embed", "embed=", "embed=1", "embed=TRUE"] {
            assert!(ViewState::from_query(q, &r).0.embed, "{q}");
        }
        let (v, p) = ViewState::from_query("embed=0&theme=Dark&bg=transparent", &r);
        assert!(!v.embed && v.transparent && v.theme == Theme::Dark && p.is_empty());
        let (v, p) = ViewState::from_query("embed=maybe&theme=neon&bg=red", &r);
        assert_eq!(v, ViewState::default());
        let params: Vec<_> = p.iter().map(|p| p.param).collect();
        assert_eq!(params, ["embed", "theme", "bg"]);
    }

    #[test]
    fn older_link_forms_keep_working() {
        let r = report();
        let (v, p) =
            ViewState::from_query("?metric=net-loss&question=wafer-scale&basis=adjusted", &r);
        assert_eq!(
            v.to_query(),
            "?basis=non-gaap&card=net-loss&faq=wafer-scale"
        );
        assert!(p.is_empty());
        assert_eq!(
            ViewState::from_query("#card-eps", &r).0.card.as_deref(),
            Some("eps")
        );
        assert_eq!(
            ViewState::from_query("?basis=non-gaap#faq-what-next", &r)
                .0
                .faq
                .as_deref(),
            Some("what-next")
        );
        assert_eq!(
            ViewState::from_query("#analysts", &r).0.section,
            Some(Section::Analysts)
        );
        // The query wins over an anchor; an unknown anchor is ignored quietly.
        assert_eq!(
            ViewState::from_query("?card=cash#card-eps", &r)
                .0
                .card
                .as_deref(),
            Some("cash")
        );
        assert_eq!(
            ViewState::from_query("#nothing-here", &r),
            (ViewState::default(), vec![])
        );
    }

    #[test]
    fn first_occurrence_wins() {
        let (v, _) = ViewState::from_query("basis=non-gaap&basis=gaap", &report());
        assert_eq!(v.basis, Accounting::NonGaap);
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

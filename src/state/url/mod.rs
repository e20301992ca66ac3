//! The URL ⇄ view-state mapping, in one place. Every view a reader can reach
//! (basis, open card, open FAQ answer, section, embedding) has one canonical
//! link relative to the app's base: the path names what a pre-rendered page
//! shows (`embed/`, `non-gaap/`, `card/<id>/` or `faq/<id>/`), the query the
//! presentation (`theme`, `bg`), the fragment the section. Parsing any URL
//! gives a valid state plus the problems found. Pure: no Leptos, no browser.
//!
//! One concern a file: this one the view state and its address (reading any
//! URL, writing the canonical link); the parts a link names are
//! [`super::section`]'s; [`problem`] what a notice says of a part it could not use; [`arrival`]
//! what a page does with the address it was opened at; [`title`] the
//! document title of a view.

mod arrival;
mod problem;
mod title;

pub use super::section::{Section, Theme};
pub use arrival::{arrive, Arrival};
pub use problem::Problem;

use super::catalogue::Catalogue;
use crate::model::Accounting;

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
    /// An embed's compact form (`embed/compact/…`): a card as its value, tag,
    /// comparison, source and a link to the full card; the headline figures
    /// as their cards, closed. Only for those two (see [`ViewState::compacts`]).
    pub compact: bool,
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
/// [`ViewState::to_href`], or a file's path from the base. A leading `../`
/// goes up a folder (a report of a site of many reaches the site's embed
/// loader so), never above the host or the root.
pub fn resolve(base: &str, href: &str) -> String {
    let base = base.split(['?', '#']).next().unwrap_or(base);
    let mut dir = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    let mut href = href.strip_prefix("./").unwrap_or(href);
    // Where the path starts: after `scheme://host`, or at once. (Byte by
    // byte: a substring search would bring its searcher into the wasm.)
    let bytes = dir.as_bytes();
    let root = match bytes.iter().position(|&b| b == b':') {
        Some(i) if bytes.get(i + 1..i + 3) == Some(b"//") => bytes[i + 3..]
            .iter()
            .position(|&b| b == b'/')
            .map_or(dir.len(), |j| i + 3 + j),
        _ => 0,
    };
    while let Some(rest) = href.strip_prefix("../") {
        href = rest;
        let up = dir[..dir.len().saturating_sub(1)].rfind('/').map(|i| i + 1);
        if let Some(up) = up.filter(|&up| up > root) {
            dir = &dir[..up];
        }
    }
    format!("{dir}{href}")
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
                "compact" if state.embed && stage == 1 && !state.compact => {
                    seen.push("compact");
                    state.compact = true;
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
        // What has no compact form is shown in full, and the link says so.
        if state.compact && !state.compacts() {
            state.compact = false;
            problems.push(Problem::new("compact"));
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

    /// Whether this view has a compact form: the embed of one card, or of
    /// the headline figures.
    pub fn compacts(&self) -> bool {
        matches!(
            self.focus(),
            Some(Focus::Card(_) | Focus::Section(Section::Metrics))
        )
    }

    /// The same view as a plain page: what a share link carries.
    pub fn shared(&self) -> ViewState {
        ViewState {
            embed: false,
            compact: false,
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
            compact: self.compact,
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
        if page.compact {
            path.push_str("compact/");
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
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod props;

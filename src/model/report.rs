//! The report as the page reads it: its parts and the lookups and rules over
//! them. Reading and checking a dataset file is `validate/`.

use std::fmt;

use super::basis::Accounting;
use super::comparison::{Outcome, Verdict};
use super::dataset::*;
use super::derive;
pub use super::figure::Figure;
use super::format::{self, Sign};
use super::quantity::Quantity;
use super::text;

/// A file of the report's figures that the build publishes beside the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// Its name, relative to the app's base, e.g. `cerebras-systems-q1-2026-figures.csv`.
    pub file: String,
    /// "CSV" or "JSON", as the link says it.
    pub format: String,
    /// Its media type, e.g. `text/csv`.
    pub media_type: String,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The dataset format version this code reads.
pub const FORMAT: u32 = 1;

/// Why a dataset could not be loaded: the field at fault and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for LoadError {}

pub(crate) fn fail<T>(path: impl Into<String>, message: impl Into<String>) -> Result<T, LoadError> {
    Err(LoadError {
        path: path.into(),
        message: message.into(),
    })
}

impl Card {
    /// The value the card shows on a basis: its non-GAAP form on the
    /// non-GAAP basis when it has one, else its value.
    pub fn shown(&self, basis: Accounting) -> &CardValue {
        match (basis, &self.non_gaap) {
            (Accounting::NonGaap, Some(v)) => v,
            _ => &self.value,
        }
    }

    /// Its value and, when it follows the switch, its non-GAAP form.
    pub fn forms(&self) -> impl Iterator<Item = &CardValue> {
        std::iter::once(&self.value).chain(self.non_gaap.as_ref())
    }
}

impl Comparison {
    /// Whether the outcome is bad news for the company (a miss).
    pub fn is_miss(&self) -> bool {
        self.outcome.verdict == Verdict::Miss
    }
}

/// A checked comparison of a figure against its expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub id: String,
    pub actual: String,
    pub expected: String,
    pub outcome: Outcome,
}

/// The bridge from a GAAP figure to its non-GAAP counterpart; it adds up.
#[derive(Clone, Debug)]
pub struct Reconciliation {
    pub from: String,
    pub adjustments: Vec<String>,
    pub to: String,
    pub about: String,
}

/// A whole quarterly report, validated.
#[derive(Clone, Debug)]
pub struct Report {
    pub company: Company,
    /// The story first (see [`super::dataset::RawReport::lede`]).
    pub lede: Option<String>,
    pub period: String,
    pub released: String,
    pub as_of: String,
    pub sources: Vec<Source>,
    /// Every figure, resolved, in the dataset's order (see [`Report::figure`]).
    pub figures: Vec<Figure>,
    pub comparisons: Vec<Comparison>,
    pub reconciliation: Option<Reconciliation>,
    pub cards: Vec<Card>,
    pub guidance: Vec<GuidanceItem>,
    pub stock: Option<Stock>,
    pub deals: Vec<Deal>,
    pub analysts: Option<Analysts>,
    pub watch: Option<Watch>,
    pub faq: Vec<FaqItem>,
    /// Terms the texts mark, with their definitions.
    pub glossary: Vec<Term>,
    /// The files of every figure the build publishes (see `export.rs`).
    pub downloads: Vec<Download>,
}

impl Report {
    /// A figure by id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// All figures, in the dataset's order.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }

    pub fn comparison(&self, id: &str) -> Option<&Comparison> {
        self.comparisons.iter().find(|c| c.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    pub fn faq_item(&self, id: &str) -> Option<&FaqItem> {
        self.faq.iter().find(|f| f.id == id)
    }

    /// "Cerebras Systems Q1 2026".
    pub fn name(&self) -> String {
        format!("{} {}", self.company.name, self.period)
    }

    /// A text with its `{figure}` references replaced by the values, for
    /// searching and for plain-text uses.
    pub fn plain_text(&self, template: &str) -> String {
        text::segments(template)
            .into_iter()
            .map(|s| match s {
                text::Segment::Words(w) | text::Segment::Term { words: w, .. } => w.to_string(),
                text::Segment::Figure(id) => {
                    self.figure(id).map(Figure::display).unwrap_or_default()
                }
                text::Segment::Magnitude(id) => self
                    .figure(id)
                    .map(Figure::display_magnitude)
                    .unwrap_or_default(),
            })
            .collect()
    }

    /// A citation: "Earnings article, results table".
    pub fn cite(&self, at: &SourceRef) -> String {
        let name = self
            .source(&at.doc)
            .map_or(at.doc.as_str(), |d| d.name.as_str());
        format!("{name}, {}", at.location)
    }

    /// Where a figure comes from, in one line: "Earnings article, results
    /// table" or "Derived: ($193.4M ÷ $99.5M) − 1".
    pub fn provenance(&self, f: &Figure) -> String {
        match (&f.formula, &f.source) {
            (Some(formula), _) => format!("Derived: {formula}"),
            (None, Some(s)) => self.cite(s),
            (None, None) => String::new(),
        }
    }

    /// Every text of the report that a reader sees, with its place in the
    /// dataset (`faq[2].answer`). Each may name figures as `{id}` or
    /// `{id:abs}`, and mark terms where `glossary::may_mark` allows.
    pub fn texts(&self) -> Vec<(String, &str)> {
        let mut out: Vec<(String, &str)> = vec![("company.about".into(), &self.company.about)];
        if let Some(l) = &self.lede {
            out.push(("lede".into(), l));
        }
        for (i, f) in self.figures.iter().enumerate() {
            if let Some(n) = &f.note {
                out.push((format!("figures[{i}].note"), n));
            }
        }
        if let Some(r) = &self.reconciliation {
            out.push(("reconciliation.about".into(), &r.about));
        }
        for (i, c) in self.cards.iter().enumerate() {
            out.push((format!("cards[{i}].about"), &c.about));
        }
        for (i, g) in self.guidance.iter().enumerate() {
            out.push((format!("guidance[{i}].about"), &g.about));
        }
        if let Some(st) = &self.stock {
            out.push(("stock.about".into(), &st.about));
            for (i, e) in st.timeline.iter().enumerate() {
                out.push((format!("stock.timeline[{i}].event"), &e.event));
            }
        }
        for (i, d) in self.deals.iter().enumerate() {
            out.push((format!("deals[{i}].structure"), &d.structure));
            out.push((format!("deals[{i}].about"), &d.about));
        }
        if let Some(a) = &self.analysts {
            out.push(("analysts.about".into(), &a.about));
        }
        if let Some(w) = &self.watch {
            out.push(("watch.next_report.label".into(), &w.next_report.label));
            for (i, q) in w.questions.iter().enumerate() {
                out.push((format!("watch.questions[{i}]"), q));
            }
            for (list, points) in [("drivers", &w.drivers), ("signals", &w.signals)] {
                for (i, p) in points.iter().enumerate() {
                    out.push((format!("watch.{list}[{i}].title"), &p.title));
                    out.push((format!("watch.{list}[{i}].text"), &p.text));
                }
            }
        }
        for (i, q) in self.faq.iter().enumerate() {
            out.push((format!("faq[{i}].question"), &q.question));
            out.push((format!("faq[{i}].answer"), &q.answer));
        }
        for (i, t) in self.glossary.iter().enumerate() {
            out.push((format!("glossary[{i}].definition"), &t.definition));
        }
        out
    }

    /// A comparison in words, without its verdict: "+$12.6M (+7.0%) against
    /// consensus $180.8M". (The badge, the page's description and the
    /// preview image all say it this way.)
    pub fn comparison_detail(&self, c: &Comparison) -> Option<String> {
        let [difference, relative, against, expected] = self.comparison_parts(c)?;
        Some(format!(
            "{difference} ({relative}) against {against} {expected}"
        ))
    }

    /// [`Report::comparison_detail`] in its parts, for a page that keeps
    /// each number on one line: the difference, the relative difference,
    /// what was expected ("consensus") and its value.
    pub fn comparison_parts(&self, c: &Comparison) -> Option<[String; 4]> {
        let expected = self.figure(&c.expected)?;
        Some([
            format::quantity(&c.outcome.difference, Sign::Always),
            format::quantity(&c.outcome.relative, Sign::Always),
            expected.basis.tag().to_lowercase(),
            expected.display(),
        ])
    }

    /// The bridge's steps with the running total after each: the GAAP
    /// figure, each adjustment, exactly summed (the dataset check has made
    /// sure the last total is the non-GAAP figure).
    pub fn bridge_steps(&self) -> Option<Vec<(&Figure, Quantity)>> {
        let rec = self.reconciliation.as_ref()?;
        let from = self.figure(&rec.from)?;
        let mut running = from.value.central()?;
        let mut steps = vec![(from, running.clone())];
        for id in &rec.adjustments {
            let f = self.figure(id)?;
            running = running.plus(&f.value.central()?)?;
            steps.push((f, running.clone()));
        }
        Some(steps)
    }

    /// Whether the bridge explains this card: it goes from the card's value
    /// to its non-GAAP form (an embed of the card then shows it too).
    pub fn bridges(&self, card: &Card) -> bool {
        self.reconciliation.as_ref().is_some_and(|r| {
            r.from == card.value.figure && card.non_gaap.as_ref().is_some_and(|n| n.figure == r.to)
        })
    }

    /// The upside from the analysts' reference price to a target: a derived figure.
    pub fn upside(&self, target: &Target) -> Option<Figure> {
        let analysts = self.analysts.as_ref()?;
        let reference = self.figure(&analysts.reference)?;
        let to = self.figure(&target.target)?;
        let d = derive::change(reference, to).ok()?;
        Some(d.figure(
            format!("{}-upside", to.id),
            format!(
                "Upside from the {} to {}'s target",
                reference.label.to_lowercase(),
                target.firm
            ),
            reference.period.clone(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        crate::bundled::report()
    }

    #[test]
    fn a_card_shows_its_non_gaap_form_only_where_it_has_one() {
        let r = report();
        let loss = r.card("net-loss").unwrap();
        assert_eq!(loss.shown(Accounting::Gaap).figure, loss.value.figure);
        assert_eq!(
            loss.shown(Accounting::NonGaap).figure,
            loss.non_gaap.as_ref().unwrap().figure
        );
        let revenue = r.card("revenue").unwrap();
        assert!(revenue.non_gaap.is_none());
        assert_eq!(
            revenue.shown(Accounting::NonGaap).figure,
            revenue.value.figure
        );
    }

    #[test]
    fn a_comparison_is_said_one_way_everywhere() {
        let r = report();
        let revenue = r.card("revenue").unwrap();
        let c = r
            .comparison(revenue.value.comparison.as_deref().unwrap())
            .unwrap();
        assert_eq!(
            r.comparison_detail(c).unwrap(),
            "+$12.6M (+7.0%) against consensus $180.8M"
        );
        assert!(!c.is_miss());
    }

    #[test]
    fn the_bridge_sums_to_the_non_gaap_figure() {
        let r = report();
        let steps = r.bridge_steps().unwrap();
        let rec = r.reconciliation.as_ref().unwrap();
        assert_eq!(steps.len(), 1 + rec.adjustments.len());
        let last = &steps.last().unwrap().1;
        let to = r.figure(&rec.to).unwrap().value.central().unwrap();
        assert_eq!(
            format::quantity(last, Sign::NegativeOnly),
            format::quantity(&to, Sign::NegativeOnly)
        );
    }
}

//! Texts and references: what a rule checks a text or a reference against
//! ([`Known`]: the sources and the resolved figures), and the prose rules
//! every text of a checked report keeps.

use std::collections::{HashMap, HashSet};

use super::super::dataset::SourceRef;
use super::super::figure::Figure;
use super::super::report::{fail, LoadError, Report};
use super::super::{glossary, text};
use super::fields::{non_empty, source_ref};

/// The sources' ids and the figures, once resolved: what references name.
pub(super) struct Known<'a> {
    sources: &'a HashSet<&'a str>,
    figures: &'a [Figure],
    index: HashMap<&'a str, usize>,
}

impl<'a> Known<'a> {
    pub(super) fn new(sources: &'a HashSet<&'a str>, figures: &'a [Figure]) -> Self {
        let index = figures
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        Known {
            sources,
            figures,
            index,
        }
    }

    /// A place in a source (`at` names the reference).
    pub(super) fn source(&self, at: &str, r: &SourceRef) -> Result<(), LoadError> {
        source_ref(self.sources, at, r)
    }

    /// The figure an id names.
    pub(super) fn figure(&self, at: &str, id: &str) -> Result<&'a Figure, LoadError> {
        match self.index.get(id) {
            Some(&i) => Ok(&self.figures[i]),
            None => fail(at, format!("names figure '{id}', which is not in figures")),
        }
    }

    /// A text: not empty, and every figure it names is known.
    pub(super) fn text(&self, at: &str, t: &str) -> Result<(), LoadError> {
        non_empty(at, t)?;
        for id in text::references(t) {
            self.figure(at, id)?;
        }
        Ok(())
    }
}

/// Every text of the report keeps to the prose rules: each `{id}` names a
/// figure; a signed figure never follows a word that already gives the
/// direction ("a drop of {x}" must be "a drop of {x:abs}"); amounts and
/// percentages are never written by hand, but named as figures.
pub(super) fn prose_problems(report: &Report) -> Vec<LoadError> {
    let mut problems = Vec::new();
    for (at, t) in report.texts() {
        if let Err(e) = check_prose(&at, t, report) {
            problems.push(e);
        }
    }
    problems
}

fn check_prose(at: &str, t: &str, report: &Report) -> Result<(), LoadError> {
    non_empty(at, t)?;
    // The words since the last figure, marks included.
    let mut before = String::new();
    for segment in text::segments(t) {
        match segment {
            text::Segment::Words(_) | text::Segment::Term { .. } => {
                let w = segment.words().unwrap_or_default();
                if let Some(number) = text::hand_written_number(w) {
                    return fail(
                        at,
                        format!("writes “{number}” by hand: name the figure as {{id}} instead"),
                    );
                }
                if let text::Segment::Term { words, id } = segment {
                    if !glossary::may_mark(at) {
                        return fail(
                            at,
                            format!("marks “{words}” as a term, but terms are marked in the texts around it, not here"),
                        );
                    }
                    if report.term_marked(words, id).is_none() {
                        return fail(
                            at,
                            match id {
                                Some(id) => format!("marks “{words}” as the term '{id}', which is not in glossary"),
                                None => format!("marks “{words}” as a term, but no glossary term or alias is spelled so (add it, or write [[{words}|id]])"),
                            },
                        );
                    }
                }
                before.push_str(w);
            }
            text::Segment::Figure(id) | text::Segment::Magnitude(id) => {
                let Some(f) = report.figure(id) else {
                    return fail(at, format!("names figure '{id}', which is not in figures"));
                };
                let signed = matches!(segment, text::Segment::Figure(_))
                    && f.display()
                        .trim_start_matches(['~', '>'])
                        .trim_start_matches("about\u{a0}")
                        .trim_start_matches("more than\u{a0}")
                        .starts_with(['\u{2212}', '+']);
                if let (true, Some(word)) = (signed, text::direction_before(&before)) {
                    return fail(
                        at,
                        format!(
                            "“{word} {{{id}}}” says the direction twice (the figure shows {}): write {{{id}:abs}}",
                            f.display()
                        ),
                    );
                }
                before.clear();
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use crate::model::Report;
    use serde_json::json;

    #[test]
    fn a_signed_figure_after_a_word_that_gives_the_direction_is_refused() {
        let e = error_after(|doc| {
            doc["cards"][0]["about"] =
                json!("Revenue went up {revenue-growth-yoy} on a year earlier.");
        });
        assert!(
            e.starts_with("cards[0].about: “up {revenue-growth-yoy}” says the direction twice"),
            "{e}"
        );
        assert!(e.contains("write {revenue-growth-yoy:abs}"), "{e}");
        // The magnitude form reads right, and a figure without a sign is fine.
        let mut doc = bundled();
        doc["cards"][0]["about"] = json!("Revenue went up {revenue-growth-yoy:abs}, to {revenue}.");
        assert!(Report::from_json(&doc.to_string()).is_ok());
    }

    #[test]
    fn amounts_and_percentages_written_by_hand_are_refused_in_every_text() {
        let e = error_after(|doc| {
            doc["faq"][0]["question"] = json!("Was revenue really $193.4 million?")
        });
        assert!(e.starts_with("faq[0].question: writes “$193.4”"), "{e}");
        let i = figure_index(&bundled(), "revenue");
        let e = error_after(|doc| {
            doc["figures"][i]["note"] = json!("About 7% above what was expected.")
        });
        assert!(
            e.starts_with(&format!("figures[{i}].note: writes “7%”")),
            "{e}"
        );
    }

    #[test]
    fn a_mark_of_an_unknown_term_or_in_the_wrong_place_is_refused() {
        let e = error_after(|d| {
            d["cards"][0]["about"] = json!("Revenue, [[fluxion]] style.");
        });
        assert!(
            e.starts_with("cards[0].about: marks “fluxion” as a term, but no glossary term"),
            "{e}"
        );
        let e = error_after(|d| {
            d["cards"][0]["about"] = json!("Revenue, [[style|no-such-term]].");
        });
        assert!(
            e.contains("'no-such-term', which is not in glossary"),
            "{e}"
        );
        let e = error_after(|d| {
            d["faq"][0]["question"] = json!("What is [[GAAP]]?");
        });
        assert!(
            e.starts_with("faq[0].question: marks “GAAP” as a term, but terms are marked"),
            "{e}"
        );
        let e = error_after(|d| {
            let alias = d["glossary"][0]["term"].clone();
            d["glossary"][1]["aliases"] = json!([alias]);
        });
        assert!(e.starts_with("glossary[1].aliases[0]:"), "{e}");
        assert!(e.contains("also names the term"), "{e}");
    }
}

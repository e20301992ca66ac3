//! The glossary: terms a general reader may not know, defined in our words.
//! Texts mark a term as `[[words]]` or `[[words|id]]`; the first mark of a
//! term in each reading unit (a card, an answer, a section) is one the reader
//! can open in place, and later marks in the same unit read as plain words.

use super::dataset::Term;
use super::report::Report;
use super::text::{self, Segment};

impl Report {
    /// A glossary term by id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }

    /// The term a mark names (see [`term_marked`]).
    pub fn term_marked(&self, words: &str, id: Option<&str>) -> Option<&Term> {
        term_marked(&self.glossary, words, id)
    }
}

/// The term of `glossary` a mark names: by its id when it gives one, else by
/// its words (the term or an alias, in any case).
pub fn term_marked<'a>(glossary: &'a [Term], words: &str, id: Option<&str>) -> Option<&'a Term> {
    match id {
        Some(id) => glossary.iter().find(|t| t.id == id),
        None => {
            let words = words.trim().to_lowercase();
            glossary.iter().find(|t| {
                std::iter::once(&t.term)
                    .chain(&t.aliases)
                    .any(|name| name.to_lowercase() == words)
            })
        }
    }
}

/// Whether a text at this place (as [`Report::texts`] names it) may mark
/// terms. Not a figure's note (it shows in two places), a question (it is the
/// summary of its answer, where a control cannot sit), a title or a label,
/// nor a definition.
pub fn may_mark(place: &str) -> bool {
    !(place.starts_with("figures[")
        || place.starts_with("glossary[")
        || place.ends_with(".question")
        || place.ends_with(".title")
        || place == "watch.next_report.label")
}

/// The reading units of a report, each a list of its texts in reading order:
/// the company line, the bridge, each card, the guidance, the stock section,
/// the deals, the analysts, what to watch, and each answer.
fn units(report: &mut Report) -> Vec<Vec<&mut String>> {
    let mut units: Vec<Vec<&mut String>> = vec![vec![&mut report.company.about]];
    if let Some(l) = &mut report.lede {
        units.push(vec![l]);
    }
    if let Some(r) = &mut report.reconciliation {
        units.push(vec![&mut r.about]);
    }
    for c in &mut report.cards {
        units.push(vec![&mut c.about]);
    }
    units.push(report.guidance.iter_mut().map(|g| &mut g.about).collect());
    if let Some(s) = &mut report.stock {
        let mut unit = vec![&mut s.about];
        unit.extend(s.timeline.iter_mut().map(|e| &mut e.event));
        units.push(unit);
    }
    units.push(
        report
            .deals
            .iter_mut()
            .flat_map(|d| [&mut d.structure, &mut d.about])
            .collect(),
    );
    if let Some(a) = &mut report.analysts {
        units.push(vec![&mut a.about]);
    }
    if let Some(w) = &mut report.watch {
        let mut unit: Vec<&mut String> = w.questions.iter_mut().collect();
        unit.extend(w.drivers.iter_mut().map(|p| &mut p.text));
        unit.extend(w.signals.iter_mut().map(|p| &mut p.text));
        units.push(unit);
    }
    for q in &mut report.faq {
        units.push(vec![&mut q.answer]);
    }
    units
}

/// Rewrites the texts of a checked report so that each unit keeps only the
/// first mark of each term, as `[[words|id]]`; later marks become words.
/// The build does this once, so the page only draws what it is given.
pub fn keep_first_uses(report: &mut Report) {
    let glossary = report.glossary.clone();
    for unit in units(report) {
        let mut seen: Vec<&str> = Vec::new();
        for text in unit {
            let rewritten: String = text::segments(text)
                .into_iter()
                .map(|s| match s {
                    Segment::Term { words, id } => {
                        match term_marked(&glossary, words, id).map(|t| t.id.as_str()) {
                            Some(id) if !seen.contains(&id) => {
                                seen.push(id);
                                Segment::Term {
                                    words,
                                    id: Some(id),
                                }
                                .source()
                            }
                            _ => words.to_string(),
                        }
                    }
                    other => other.source(),
                })
                .collect();
            *text = rewritten;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::{self, Segment};

    fn marks(text: &str) -> Vec<(String, Option<String>)> {
        text::segments(text)
            .into_iter()
            .filter_map(|s| match s {
                Segment::Term { words, id } => Some((words.into(), id.map(String::from))),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn marks_name_terms_by_words_alias_or_id() {
        let r = crate::bundled::report();
        let first = &r.glossary[0];
        assert_eq!(r.term_marked(&first.term.to_uppercase(), None), Some(first));
        for alias in &first.aliases {
            assert_eq!(r.term_marked(alias, None), Some(first), "{alias}");
        }
        assert_eq!(r.term_marked("whatever", Some(&first.id)), Some(first));
        assert_eq!(r.term_marked("no such term at all", None), None);
    }

    #[test]
    fn only_the_first_mark_of_a_term_in_a_unit_stays() {
        let mut r = crate::bundled::report();
        let id = r.glossary[0].id.clone();
        let card = r.cards[0].about.clone();
        r.cards[0].about = format!("[[x|{id}]] then [[y|{id}]]. {card}");
        r.faq[0].answer = format!("[[z|{id}]] again");
        keep_first_uses(&mut r);
        let kept = marks(&r.cards[0].about);
        assert_eq!(kept[0], ("x".into(), Some(id.clone())));
        assert!(
            kept.iter().skip(1).all(|(_, i)| i.as_deref() != Some(&id)),
            "a later mark in the same card is words: {kept:?}"
        );
        assert!(r.cards[0].about.contains(" then y. "));
        assert_eq!(
            marks(&r.faq[0].answer),
            vec![("z".into(), Some(id))],
            "another unit keeps its own first mark"
        );
    }

    #[test]
    fn every_kept_mark_names_its_term_by_id() {
        let r = crate::bundled::report();
        for (place, t) in r.texts() {
            for (words, id) in marks(t) {
                assert!(may_mark(&place), "{place} marks {words}");
                let id = id.unwrap_or_else(|| panic!("{place}: [[{words}]] was not resolved"));
                assert!(r.term(&id).is_some(), "{place}: {id}");
            }
        }
    }
}

//! The report's parts: cards (their figures, comparisons and charts),
//! guidance, the stock's reaction, deals, analysts, what to watch and the
//! FAQ. Each names figures and sources that must exist; ids are unique.

use std::collections::HashSet;

use super::super::dataset::{Chart, RawReport};
use super::super::quantity::Unit;
use super::super::report::{fail, Comparison, LoadError};
use super::fields::{non_empty, single, slug, unique, valid_date};
use super::texts::Known;

/// Every part of the report but the figures, the comparisons, the
/// reconciliation and the glossary.
pub(super) fn check(
    raw: &RawReport,
    known: &Known,
    comparisons: &[Comparison],
) -> Result<(), LoadError> {
    cards(raw, known, comparisons)?;
    guidance(raw, known)?;
    stock(raw, known)?;
    deals(raw, known)?;
    analysts(raw, known)?;
    watch(raw, known)?;
    faq(raw, known)
}

/// The headline cards: at least one; each value names a figure and a known comparison.
fn cards(raw: &RawReport, known: &Known, comparisons: &[Comparison]) -> Result<(), LoadError> {
    let comparison_ids: HashSet<&str> = comparisons.iter().map(|c| c.id.as_str()).collect();
    let mut card_ids = HashSet::new();
    for (i, c) in raw.cards.iter().enumerate() {
        let at = format!("cards[{i}]");
        slug(&format!("{at}.id"), &c.id)?;
        unique(&mut card_ids, &format!("{at}.id"), &c.id)?;
        non_empty(&format!("{at}.title"), &c.title)?;
        for (name, v) in [("value", Some(&c.value)), ("non_gaap", c.non_gaap.as_ref())] {
            let Some(v) = v else { continue };
            known.figure(&format!("{at}.{name}.figure"), &v.figure)?;
            if let Some(cmp) = &v.comparison {
                if !comparison_ids.contains(cmp.as_str()) {
                    return fail(
                        format!("{at}.{name}.comparison"),
                        format!("names '{cmp}', which is not in comparisons"),
                    );
                }
            }
        }
        known.text(&format!("{at}.about"), &c.about)?;
        for (j, d) in c.details.iter().enumerate() {
            known.figure(&format!("{at}.details[{j}]"), d)?;
        }
        match &c.chart {
            Some(Chart::Bars(ids)) => {
                let mut unit: Option<&Unit> = None;
                for (j, id) in ids.iter().enumerate() {
                    let at_j = format!("{at}.chart.bars[{j}]");
                    let q = single(&at_j, known.figure(&at_j, id)?)?;
                    if unit.is_some_and(|u| !u.same_kind(&q.unit)) {
                        return fail(at_j, "is in another unit than the other bars");
                    }
                    unit = Some(&q.unit);
                }
            }
            Some(Chart::Shift { from, to }) => {
                single(
                    &format!("{at}.chart.shift.from"),
                    known.figure(&format!("{at}.chart.shift.from"), from)?,
                )?;
                if known
                    .figure(&format!("{at}.chart.shift.to"), to)?
                    .value
                    .bounds()
                    .is_none()
                {
                    return fail(
                        format!("{at}.chart.shift.to"),
                        "must be a number or a range",
                    );
                }
            }
            None => {}
        }
    }
    if raw.cards.is_empty() {
        return fail(
            "cards",
            "lists no card; the page needs at least one headline figure",
        );
    }
    Ok(())
}

/// Guidance: each names its figure and context.
fn guidance(raw: &RawReport, known: &Known) -> Result<(), LoadError> {
    for (i, g) in raw.guidance.iter().enumerate() {
        let at = format!("guidance[{i}]");
        known.figure(&format!("{at}.figure"), &g.figure)?;
        for (j, c) in g.context.iter().enumerate() {
            known.figure(&format!("{at}.context[{j}]"), c)?;
        }
        known.text(&format!("{at}.about"), &g.about)?;
    }
    Ok(())
}

/// The stock's reaction: dated events with prices, and the index.
fn stock(raw: &RawReport, known: &Known) -> Result<(), LoadError> {
    if let Some(s) = &raw.stock {
        for (i, e) in s.timeline.iter().enumerate() {
            let at = format!("stock.timeline[{i}]");
            valid_date(&format!("{at}.date"), &e.date)?;
            non_empty(&format!("{at}.event"), &e.event)?;
            if let Some(p) = &e.price {
                single(
                    &format!("{at}.price"),
                    known.figure(&format!("{at}.price"), p)?,
                )?;
            }
            for (j, f) in e.figures.iter().enumerate() {
                known.figure(&format!("{at}.figures[{j}]"), f)?;
            }
        }
        for (j, f) in s.facts.iter().enumerate() {
            known.figure(&format!("stock.facts[{j}]"), f)?;
        }
        if let Some(index) = &s.index {
            single("stock.index", known.figure("stock.index", index)?)?;
        }
        known.text("stock.about", &s.about)?;
    }
    Ok(())
}

/// Deals: unique ids, a partner, figures and a source.
fn deals(raw: &RawReport, known: &Known) -> Result<(), LoadError> {
    let mut deal_ids = HashSet::new();
    for (i, d) in raw.deals.iter().enumerate() {
        let at = format!("deals[{i}]");
        slug(&format!("{at}.id"), &d.id)?;
        unique(&mut deal_ids, &format!("{at}.id"), &d.id)?;
        non_empty(&format!("{at}.partner"), &d.partner)?;
        for (j, f) in d.figures.iter().enumerate() {
            known.figure(&format!("{at}.figures[{j}]"), f)?;
        }
        known.text(&format!("{at}.about"), &d.about)?;
        known.source(&format!("{at}.source"), &d.source)?;
    }
    Ok(())
}

/// Analysts: a reference price and targets that are prices.
fn analysts(raw: &RawReport, known: &Known) -> Result<(), LoadError> {
    if let Some(a) = &raw.analysts {
        single(
            "analysts.reference",
            known.figure("analysts.reference", &a.reference)?,
        )?;
        for (i, t) in a.targets.iter().enumerate() {
            let at = format!("analysts.targets[{i}]");
            non_empty(&format!("{at}.firm"), &t.firm)?;
            let f = known.figure(&format!("{at}.target"), &t.target)?;
            if f.value.bounds().is_none() {
                return fail(
                    format!("{at}.target"),
                    "must be a price or a range of prices",
                );
            }
        }
        known.text("analysts.about", &a.about)?;
    }
    Ok(())
}

/// What to watch: the next report, questions, drivers and signals.
fn watch(raw: &RawReport, known: &Known) -> Result<(), LoadError> {
    if let Some(w) = &raw.watch {
        valid_date("watch.next_report.date", &w.next_report.date)?;
        known.source("watch.next_report.source", &w.next_report.source)?;
        for (i, q) in w.questions.iter().enumerate() {
            known.text(&format!("watch.questions[{i}]"), q)?;
        }
        for (list, points) in [("drivers", &w.drivers), ("signals", &w.signals)] {
            for (i, p) in points.iter().enumerate() {
                let at = format!("watch.{list}[{i}]");
                non_empty(&format!("{at}.title"), &p.title)?;
                known.text(&format!("{at}.text"), &p.text)?;
                known.source(&format!("{at}.source"), &p.source)?;
            }
        }
    }
    Ok(())
}

/// The FAQ: unique ids, a question and an answer.
fn faq(raw: &RawReport, known: &Known) -> Result<(), LoadError> {
    let mut faq_ids = HashSet::new();
    for (i, q) in raw.faq.iter().enumerate() {
        let at = format!("faq[{i}]");
        slug(&format!("{at}.id"), &q.id)?;
        unique(&mut faq_ids, &format!("{at}.id"), &q.id)?;
        non_empty(&format!("{at}.question"), &q.question)?;
        known.text(&format!("{at}.answer"), &q.answer)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use serde_json::json;

    #[test]
    fn broken_references_and_shapes_are_refused() {
        let e = error_after(|d| d["cards"][0]["details"][0] = json!("no-such-figure"));
        assert_eq!(
            e,
            "cards[0].details[0]: names figure 'no-such-figure', which is not in figures"
        );
        let e = error_after(|d| d["faq"][0]["answer"] = json!("See {nowhere}."));
        assert!(
            e.starts_with("faq[0].answer: names figure 'nowhere'"),
            "{e}"
        );
        let e = error_after(|d| {
            let i = figure_index(d, "gross-margin-guide");
            d["figures"][i]["value"] = json!({ "range": [{ "percent": 38 }, { "percent": 36 }] });
        });
        assert!(e.contains("a range must go from low to high"), "{e}");
        let e = error_after(|d| d["released"] = json!("June 23"));
        assert!(e.starts_with("released: 'June 23' is not a date"), "{e}");
        let e = error_after(|d| d["cards"][1]["id"] = json!("revenue"));
        assert_eq!(e, "cards[1].id: 'revenue' is used twice");
        let e = error_after(|d| d["faq"][0]["id"] = json!("Has Spaces"));
        assert!(e.starts_with("faq[0].id: 'Has Spaces' is not an id"), "{e}");
    }
}

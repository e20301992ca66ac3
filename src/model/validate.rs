//! Reading and checking a dataset file, natively only (the build, the
//! pre-render, the tests): every figure resolved to a value with its basis
//! and source, derived figures computed, comparisons and the reconciliation
//! checked. A failure names the field at fault. The wasm never runs this: it
//! carries the report already checked (`build.rs`, `src/bundled.rs`).

use std::collections::{HashMap, HashSet};

use super::basis::Basis;
use super::comparison::compare;
use super::dataset::*;
use super::decimal::Decimal;
use super::derive;
use super::figure::Figure;
use super::format::{self, Sign};
use super::quantity::{MoneyScale, Qualifier, Quantity, Unit, Value};
use super::report::{fail, Comparison, LoadError, Reconciliation, Report, FORMAT};
use super::text;
use super::{export, glossary};

impl Report {
    /// Reads and validates a dataset file; the first problem stops it.
    pub fn from_json(json: &str) -> Result<Report, LoadError> {
        let mut report = Self::validate(parse(json)?)?;
        if let Some(problem) = prose_problems(&report).into_iter().next() {
            return Err(problem);
        }
        // Resolved once here, so the page draws what it is given.
        glossary::keep_first_uses(&mut report);
        report.downloads = export::files(&report).into_iter().map(|(d, _)| d).collect();
        Ok(report)
    }

    /// Every problem of a dataset file at once, for an author: the file's
    /// structure and its checks stop at the first problem; then every text
    /// that breaks the prose rules is listed.
    pub fn problems(json: &str) -> Vec<LoadError> {
        match parse(json).and_then(Self::validate) {
            Err(e) => vec![e],
            Ok(report) => prose_problems(&report),
        }
    }

    fn validate(raw: RawReport) -> Result<Report, LoadError> {
        if raw.format != FORMAT {
            return fail(
                "format",
                format!("is {}, but this app reads format {FORMAT}", raw.format),
            );
        }
        non_empty("company.name", &raw.company.name)?;
        non_empty("company.ticker", &raw.company.ticker)?;
        non_empty("period", &raw.period)?;
        valid_date("released", &raw.released)?;
        valid_date("as_of", &raw.as_of)?;

        let mut source_ids = HashSet::new();
        for (i, s) in raw.sources.iter().enumerate() {
            let at = format!("sources[{i}]");
            slug(&format!("{at}.id"), &s.id)?;
            non_empty(&format!("{at}.title"), &s.title)?;
            valid_date(&format!("{at}.date"), &s.date)?;
            if !source_ids.insert(s.id.as_str()) {
                return fail(format!("{at}.id"), format!("'{}' is used twice", s.id));
            }
        }
        if raw.sources.is_empty() {
            return fail("sources", "lists no source; every figure needs one");
        }
        let check_source = |at: &str, r: &SourceRef| -> Result<(), LoadError> {
            if !source_ids.contains(r.doc.as_str()) {
                return fail(
                    format!("{at}.doc"),
                    format!("names '{}', which is not in sources", r.doc),
                );
            }
            non_empty(&format!("{at}.where"), &r.location)
        };

        let figures = resolve_figures(&raw.figures, &check_source)?;
        let index: HashMap<String, usize> = figures
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let get = |at: &str, id: &str| -> Result<&Figure, LoadError> {
            match index.get(id) {
                Some(&i) => Ok(&figures[i]),
                None => fail(at, format!("names figure '{id}', which is not in figures")),
            }
        };
        let check_text = |at: &str, t: &str| -> Result<(), LoadError> {
            non_empty(at, t)?;
            for id in text::references(t) {
                get(at, id)?;
            }
            Ok(())
        };
        if let Some(lede) = &raw.lede {
            check_text("lede", lede)?;
        }

        let mut comparisons = Vec::new();
        for (i, c) in raw.comparisons.iter().enumerate() {
            let at = format!("comparisons[{i}]");
            slug(&format!("{at}.id"), &c.id)?;
            let actual = single(
                &format!("{at}.actual"),
                get(&format!("{at}.actual"), &c.actual)?,
            )?;
            let expected = single(
                &format!("{at}.expected"),
                get(&format!("{at}.expected"), &c.expected)?,
            )?;
            let Some(outcome) = compare(actual, expected, c.better) else {
                return fail(
                    at,
                    format!(
                        "cannot compare '{}' with '{}' (units differ, or the expectation is zero)",
                        c.actual, c.expected
                    ),
                );
            };
            if let Some(stated) = &c.stated {
                check_source(&format!("{at}.stated.source"), &stated.source)?;
                if stated.verdict != outcome.verdict {
                    return fail(
                        format!("{at}.stated.verdict"),
                        format!(
                            "says '{}', but {} against {} is '{}': the comparison contradicts its parts",
                            stated.verdict.label(),
                            format::quantity(actual, Sign::NegativeOnly),
                            format::quantity(expected, Sign::NegativeOnly),
                            outcome.verdict.label()
                        ),
                    );
                }
                if let Some(d) = &stated.difference {
                    let at_d = format!("{at}.stated.difference");
                    let Value::One(d) = to_value(&at_d, d)? else {
                        return fail(at_d, "must be a single number");
                    };
                    // The parts' difference, in the stated unit, at the stated precision.
                    let computed = d
                        .with_base_amount(outcome.difference.base_amount().abs())
                        .amount
                        .round_to(d.amount.decimals());
                    let same = d.unit.same_kind(&outcome.difference.unit) && computed == d.amount;
                    if !same {
                        return fail(
                            at_d,
                            format!(
                                "says {}, but the parts differ by {}: the comparison contradicts its parts",
                                format::quantity(&d, Sign::NegativeOnly),
                                format::quantity(&outcome.difference, Sign::NegativeOnly)
                            ),
                        );
                    }
                }
            }
            comparisons.push(Comparison {
                id: c.id.clone(),
                actual: c.actual.clone(),
                expected: c.expected.clone(),
                outcome,
            });
        }
        let comparison_ids: HashSet<&str> = comparisons.iter().map(|c| c.id.as_str()).collect();

        let reconciliation = match &raw.reconciliation {
            None => None,
            Some(r) => {
                let at = "reconciliation";
                let from = single(&format!("{at}.from"), get(&format!("{at}.from"), &r.from)?)?;
                let to = single(&format!("{at}.to"), get(&format!("{at}.to"), &r.to)?)?;
                let mut sum = from.clone();
                for (i, a) in r.adjustments.iter().enumerate() {
                    let at_a = format!("{at}.adjustments[{i}].figure");
                    let q = single(&at_a, get(&at_a, &a.figure)?)?;
                    sum = sum.plus(q).ok_or_else(|| LoadError {
                        path: at_a.clone(),
                        message: format!(
                            "is in {}, the bridge in {}",
                            q.unit.name(),
                            from.unit.name()
                        ),
                    })?;
                }
                if !to.unit.same_kind(&sum.unit) || sum.base_amount() != to.base_amount() {
                    return fail(
                        at,
                        format!(
                            "does not add up: {} plus the adjustments is {}, not {}",
                            format::quantity(from, Sign::NegativeOnly),
                            format::quantity(&sum, Sign::NegativeOnly),
                            format::quantity(to, Sign::NegativeOnly)
                        ),
                    );
                }
                check_text(&format!("{at}.about"), &r.about)?;
                Some(Reconciliation {
                    from: r.from.clone(),
                    adjustments: r.adjustments.iter().map(|a| a.figure.clone()).collect(),
                    to: r.to.clone(),
                    about: r.about.clone(),
                })
            }
        };

        let mut card_ids = HashSet::new();
        for (i, c) in raw.cards.iter().enumerate() {
            let at = format!("cards[{i}]");
            slug(&format!("{at}.id"), &c.id)?;
            if !card_ids.insert(c.id.as_str()) {
                return fail(format!("{at}.id"), format!("'{}' is used twice", c.id));
            }
            non_empty(&format!("{at}.title"), &c.title)?;
            for (name, v) in [("value", Some(&c.value)), ("non_gaap", c.non_gaap.as_ref())] {
                let Some(v) = v else { continue };
                get(&format!("{at}.{name}.figure"), &v.figure)?;
                if let Some(cmp) = &v.comparison {
                    if !comparison_ids.contains(cmp.as_str()) {
                        return fail(
                            format!("{at}.{name}.comparison"),
                            format!("names '{cmp}', which is not in comparisons"),
                        );
                    }
                }
            }
            check_text(&format!("{at}.about"), &c.about)?;
            for (j, d) in c.details.iter().enumerate() {
                get(&format!("{at}.details[{j}]"), d)?;
            }
            match &c.chart {
                Some(Chart::Bars(ids)) => {
                    let mut unit: Option<&Unit> = None;
                    for (j, id) in ids.iter().enumerate() {
                        let at_j = format!("{at}.chart.bars[{j}]");
                        let q = single(&at_j, get(&at_j, id)?)?;
                        if unit.is_some_and(|u| !u.same_kind(&q.unit)) {
                            return fail(at_j, "is in another unit than the other bars");
                        }
                        unit = Some(&q.unit);
                    }
                }
                Some(Chart::Shift { from, to }) => {
                    single(
                        &format!("{at}.chart.shift.from"),
                        get(&format!("{at}.chart.shift.from"), from)?,
                    )?;
                    if get(&format!("{at}.chart.shift.to"), to)?
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

        for (i, g) in raw.guidance.iter().enumerate() {
            let at = format!("guidance[{i}]");
            get(&format!("{at}.figure"), &g.figure)?;
            for (j, c) in g.context.iter().enumerate() {
                get(&format!("{at}.context[{j}]"), c)?;
            }
            check_text(&format!("{at}.about"), &g.about)?;
        }
        if let Some(s) = &raw.stock {
            for (i, e) in s.timeline.iter().enumerate() {
                let at = format!("stock.timeline[{i}]");
                valid_date(&format!("{at}.date"), &e.date)?;
                non_empty(&format!("{at}.event"), &e.event)?;
                if let Some(p) = &e.price {
                    single(&format!("{at}.price"), get(&format!("{at}.price"), p)?)?;
                }
                for (j, f) in e.figures.iter().enumerate() {
                    get(&format!("{at}.figures[{j}]"), f)?;
                }
            }
            for (j, f) in s.facts.iter().enumerate() {
                get(&format!("stock.facts[{j}]"), f)?;
            }
            if let Some(index) = &s.index {
                single("stock.index", get("stock.index", index)?)?;
            }
            check_text("stock.about", &s.about)?;
        }
        let mut deal_ids = HashSet::new();
        for (i, d) in raw.deals.iter().enumerate() {
            let at = format!("deals[{i}]");
            slug(&format!("{at}.id"), &d.id)?;
            if !deal_ids.insert(d.id.as_str()) {
                return fail(format!("{at}.id"), format!("'{}' is used twice", d.id));
            }
            non_empty(&format!("{at}.partner"), &d.partner)?;
            for (j, f) in d.figures.iter().enumerate() {
                get(&format!("{at}.figures[{j}]"), f)?;
            }
            check_text(&format!("{at}.about"), &d.about)?;
            check_source(&format!("{at}.source"), &d.source)?;
        }
        if let Some(a) = &raw.analysts {
            single(
                "analysts.reference",
                get("analysts.reference", &a.reference)?,
            )?;
            for (i, t) in a.targets.iter().enumerate() {
                let at = format!("analysts.targets[{i}]");
                non_empty(&format!("{at}.firm"), &t.firm)?;
                let f = get(&format!("{at}.target"), &t.target)?;
                if f.value.bounds().is_none() {
                    return fail(
                        format!("{at}.target"),
                        "must be a price or a range of prices",
                    );
                }
            }
            check_text("analysts.about", &a.about)?;
        }
        if let Some(w) = &raw.watch {
            valid_date("watch.next_report.date", &w.next_report.date)?;
            check_source("watch.next_report.source", &w.next_report.source)?;
            for (i, q) in w.questions.iter().enumerate() {
                check_text(&format!("watch.questions[{i}]"), q)?;
            }
            for (list, points) in [("drivers", &w.drivers), ("signals", &w.signals)] {
                for (i, p) in points.iter().enumerate() {
                    let at = format!("watch.{list}[{i}]");
                    non_empty(&format!("{at}.title"), &p.title)?;
                    check_text(&format!("{at}.text"), &p.text)?;
                    check_source(&format!("{at}.source"), &p.source)?;
                }
            }
        }
        let mut faq_ids = HashSet::new();
        for (i, q) in raw.faq.iter().enumerate() {
            let at = format!("faq[{i}]");
            slug(&format!("{at}.id"), &q.id)?;
            if !faq_ids.insert(q.id.as_str()) {
                return fail(format!("{at}.id"), format!("'{}' is used twice", q.id));
            }
            non_empty(&format!("{at}.question"), &q.question)?;
            check_text(&format!("{at}.answer"), &q.answer)?;
        }
        let mut names: HashMap<String, &str> = HashMap::new();
        for (i, t) in raw.glossary.iter().enumerate() {
            let at = format!("glossary[{i}]");
            slug(&format!("{at}.id"), &t.id)?;
            non_empty(&format!("{at}.term"), &t.term)?;
            for (j, name) in std::iter::once(&t.term).chain(&t.aliases).enumerate() {
                let at_name = if j == 0 {
                    format!("{at}.term")
                } else {
                    format!("{at}.aliases[{}]", j - 1)
                };
                non_empty(&at_name, name)?;
                let other = names.insert(name.trim().to_lowercase(), &t.id);
                if let Some(other) = other.filter(|other| *other != t.id) {
                    return fail(
                        at_name,
                        format!(
                            "'{name}' also names the term '{other}': a mark must name one term"
                        ),
                    );
                }
            }
            check_text(&format!("{at}.definition"), &t.definition)?;
            if let Some(f) = &t.figure {
                get(&format!("{at}.figure"), f)?;
            }
        }

        let report = Report {
            company: raw.company,
            lede: raw.lede,
            period: raw.period,
            released: raw.released,
            as_of: raw.as_of,
            sources: raw.sources,
            figures,
            comparisons,
            reconciliation,
            cards: raw.cards,
            guidance: raw.guidance,
            stock: raw.stock,
            deals: raw.deals,
            analysts: raw.analysts,
            watch: raw.watch,
            faq: raw.faq,
            glossary: raw.glossary,
            downloads: Vec::new(),
        };
        Ok(report)
    }
}

/// Every text of the report keeps to the prose rules: each `{id}` names a
/// figure; a signed figure never follows a word that already gives the
/// direction ("a drop of {x}" must be "a drop of {x:abs}"); amounts and
/// percentages are never written by hand, but named as figures.
fn prose_problems(report: &Report) -> Vec<LoadError> {
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

/// Reads the file's structure, naming the field at fault.
fn parse(json: &str) -> Result<RawReport, LoadError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| LoadError {
        path: e.path().to_string().trim_start_matches('.').to_string(),
        message: e.inner().to_string(),
    })
}

fn non_empty(at: &str, s: &str) -> Result<(), LoadError> {
    if s.trim().is_empty() {
        return fail(at, "is empty");
    }
    Ok(())
}

/// Ids appear in URLs: lowercase letters, digits and dashes only.
fn slug(at: &str, s: &str) -> Result<(), LoadError> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !ok {
        return fail(
            at,
            format!("'{s}' is not an id (lowercase letters, digits and '-', at most 64)"),
        );
    }
    Ok(())
}

fn valid_date(at: &str, s: &str) -> Result<(), LoadError> {
    if format::date(s).is_none() {
        return fail(
            at,
            format!("'{s}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY-MM-DDTHH:MMZ)"),
        );
    }
    Ok(())
}

fn single<'a>(at: &str, f: &'a Figure) -> Result<&'a Quantity, LoadError> {
    match &f.value {
        Value::One(q) => Ok(q),
        _ => fail(
            at,
            format!("figure '{}' must be a single number here", f.id),
        ),
    }
}

fn number(at: &str, n: &serde_json::Number) -> Result<Decimal, LoadError> {
    Decimal::parse(&n.to_string()).ok_or_else(|| LoadError {
        path: at.into(),
        message: format!("{n} is not a plain decimal number"),
    })
}

/// Converts a written value to a checked one.
fn to_value(at: &str, raw: &RawValue) -> Result<Value, LoadError> {
    let q = |n: &serde_json::Number, unit: Unit| -> Result<Value, LoadError> {
        Ok(Value::One(Quantity::new(number(at, n)?, unit)))
    };
    match raw {
        RawValue::Usd(n) => q(n, Unit::Usd(MoneyScale::Units)),
        RawValue::UsdM(n) => q(n, Unit::Usd(MoneyScale::Millions)),
        RawValue::UsdB(n) => q(n, Unit::Usd(MoneyScale::Billions)),
        RawValue::UsdPerShare(n) => q(n, Unit::UsdPerShare),
        RawValue::Percent(n) => q(n, Unit::Percent),
        RawValue::Points(n) => q(n, Unit::Points),
        RawValue::Count { amount, unit } => {
            non_empty(&format!("{at}.unit"), unit)?;
            q(amount, Unit::Other(unit.clone()))
        }
        RawValue::Text(t) => {
            non_empty(at, t)?;
            Ok(Value::Text(t.clone()))
        }
        RawValue::NotReported => Ok(Value::NotReported),
        RawValue::Range(lo, hi) => {
            let (Value::One(lo), Value::One(hi)) = (to_value(at, lo)?, to_value(at, hi)?) else {
                return fail(at, "a range's ends must be single numbers");
            };
            if lo.unit != hi.unit {
                return fail(at, "a range's ends must share one unit");
            }
            if lo.amount > hi.amount {
                return fail(at, "a range must go from low to high");
            }
            Ok(Value::Range(lo, hi))
        }
    }
}

/// Checks every figure and computes the derived ones (which may build on
/// each other, in any order, but not in a circle).
fn resolve_figures(
    raw: &[RawFigure],
    check_source: &dyn Fn(&str, &SourceRef) -> Result<(), LoadError>,
) -> Result<Vec<Figure>, LoadError> {
    let mut seen = HashSet::new();
    let mut out: Vec<Option<Figure>> = vec![None; raw.len()];
    for (i, f) in raw.iter().enumerate() {
        let at = format!("figures[{i}]");
        slug(&format!("{at}.id"), &f.id)?;
        if !seen.insert(f.id.as_str()) {
            return fail(format!("{at}.id"), format!("'{}' is used twice", f.id));
        }
        non_empty(&format!("{at}.label"), &f.label)?;
        non_empty(&format!("{at}.period"), &f.period)?;
        let derived = f.derived.is_some();
        if derived != (f.basis == Basis::Derived) {
            return fail(
                format!("{at}.basis"),
                format!(
                    "figure '{}': a figure is derived exactly when it has a 'derived' formula",
                    f.id
                ),
            );
        }
        match (&f.value, &f.source, derived) {
            (Some(_), _, true) => {
                return fail(
                    format!("{at}.value"),
                    format!("figure '{}' is derived; its value is computed", f.id),
                )
            }
            (None, _, false) => {
                return fail(
                    format!("{at}.value"),
                    format!("figure '{}' has no value", f.id),
                )
            }
            (_, None, false) => {
                return fail(
                    format!("{at}.source"),
                    format!("figure '{}' has no source", f.id),
                )
            }
            (_, Some(s), _) => check_source(&format!("{at}.source"), s)?,
            _ => {}
        }
        let qualifier = match f.qualifier {
            None => Qualifier::Exact,
            Some(RawQualifier::About) => Qualifier::About,
            Some(RawQualifier::MoreThan) => Qualifier::MoreThan,
        };
        let make = |value: Value, formula: Option<String>| Figure {
            id: f.id.clone(),
            label: f.label.clone(),
            period: f.period.clone(),
            basis: f.basis,
            value,
            qualifier,
            sign: if f.change || derived {
                Sign::Always
            } else {
                Sign::NegativeOnly
            },
            source: f.source.clone(),
            formula,
            note: f.note.clone(),
        };
        if let Some(v) = &f.value {
            out[i] = Some(make(to_value(&format!("{at}.value"), v)?, None));
        }
    }
    let ids: HashMap<&str, usize> = raw
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    for (i, f) in raw.iter().enumerate() {
        if let Some(d) = &f.derived {
            for input in derive::inputs(d) {
                if !ids.contains_key(input) {
                    return fail(
                        format!("figures[{i}].derived"),
                        format!("names figure '{input}', which is not in figures"),
                    );
                }
            }
        }
    }
    // Resolve derived figures whose inputs are known, until none is left.
    loop {
        let mut progress = false;
        let mut pending = None;
        for (i, f) in raw.iter().enumerate() {
            let Some(d) = &f.derived else { continue };
            if out[i].is_some() {
                continue;
            }
            let inputs = derive::inputs(d);
            if inputs.iter().any(|id| out[ids[id]].is_none()) {
                pending = Some(i);
                continue;
            }
            let result = derive::compute(d, |id| out[ids[id]].as_ref().expect("resolved"))
                .map_err(|m| LoadError {
                    path: format!("figures[{i}].derived"),
                    message: m,
                })?;
            let figure = Figure {
                id: f.id.clone(),
                label: f.label.clone(),
                period: f.period.clone(),
                basis: Basis::Derived,
                value: result.value,
                qualifier: Qualifier::Exact,
                sign: Sign::Always,
                source: f.source.clone(),
                formula: Some(result.formula),
                note: f.note.clone(),
            };
            // A midpoint is a level, not a change.
            let figure = if matches!(d, RawDerivation::Midpoint(_)) {
                Figure {
                    sign: Sign::NegativeOnly,
                    ..figure
                }
            } else {
                figure
            };
            out[i] = Some(figure);
            progress = true;
        }
        match (progress, pending) {
            (_, None) => break,
            (false, Some(i)) => {
                return fail(
                    format!("figures[{i}].derived"),
                    format!(
                        "figure '{}' is derived from itself, through a circle",
                        raw[i].id
                    ),
                )
            }
            (true, Some(_)) => {}
        }
    }
    Ok(out
        .into_iter()
        .map(|f| f.expect("every figure resolved"))
        .collect())
}

/// The dataset format as a JSON Schema, generated from the very types that
/// read it (checked in as `data/dataset.schema.json`; a test keeps the two
/// in step), so an editor validates and completes a file as its author types.
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(RawReport);
    schema.insert("title".into(), "Earnings Explorer dataset".into());
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}

/// One step of a path such as `faq[5].question`.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[').filter(|i| !i.is_empty()) {
            out.push(Step::Index(index.strip_suffix(']')?.parse().ok()?));
        }
    }
    (!out.is_empty()).then_some(out)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the JSON string starting at `i` (after its closing quote).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The end of the JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Where the value at `path` (`faq[5].question`, as the checks name it)
/// starts in a dataset's text: its line and column, from 1. `None` when the
/// path is not there (or the text is not JSON).
pub fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    let b = json.as_bytes();
    let mut i = skip_ws(b, 0);
    for step in steps(path)? {
        match step {
            Step::Key(key) => {
                (b.get(i) == Some(&b'{')).then_some(())?;
                i = skip_ws(b, i + 1);
                loop {
                    let end = skip_string(b, i)?;
                    let name = &json[i + 1..end - 1];
                    i = skip_ws(b, end);
                    (b.get(i) == Some(&b':')).then_some(())?;
                    i = skip_ws(b, i + 1);
                    if name == key {
                        break;
                    }
                    i = skip_ws(b, skip_value(b, i)?);
                    (b.get(i) == Some(&b',')).then_some(())?;
                    i = skip_ws(b, i + 1);
                }
            }
            Step::Index(n) => {
                (b.get(i) == Some(&b'[')).then_some(())?;
                i = skip_ws(b, i + 1);
                for _ in 0..n {
                    i = skip_ws(b, skip_value(b, i)?);
                    (b.get(i) == Some(&b',')).then_some(())?;
                    i = skip_ws(b, i + 1);
                }
                (i < b.len() && b[i] != b']').then_some(())?;
            }
        }
    }
    let before = &json[..i];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.chars().count(), |n| before[n + 1..].chars().count())
        + 1;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_located_in_the_text() {
        let json = "{\n  \"a\": [1, {\"b\": \"x\\\"}\"}],\n  \"c\": { \"d\": [true, \"here\"] }\n}";
        assert_eq!(locate(json, "a[1].b"), Some((2, 18)));
        assert_eq!(locate(json, "c.d[1]"), Some((3, 22)));
        assert_eq!(locate(json, "c.e"), None);
        assert_eq!(locate(json, "a[5]"), None);
        assert_eq!(locate("not json", "a"), None);
        let bundled = crate::model::BUNDLED;
        let (line, _) = locate(bundled, "faq[0].question").unwrap();
        assert!(bundled
            .lines()
            .nth(line - 1)
            .unwrap()
            .contains("\"question\""));
    }
}

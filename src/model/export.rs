//! Every figure of a report as files a reader can take away: CSV (RFC 4180,
//! UTF-8) and JSON, one row per figure. Values are written exactly as the
//! dataset holds them (decimals, never floats); a figure the sources do not
//! give has an empty value and says why. The build writes the files
//! (`prerender/`) and the page links them with their sizes, which the build
//! works out once ([`Report::downloads`]); the wasm only carries those.

use super::decimal::Decimal;
use super::figure::Figure;
use super::quantity::{MoneyScale, Qualifier, Quantity, Unit, Value};
use super::report::{Download, Report};

/// The columns of a row, in order (the CSV's header, the JSON's keys).
pub const COLUMNS: [&str; 13] = [
    "id",
    "label",
    "period",
    "basis",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "shown",
    "source",
    "where",
    "formula",
    "note",
];

/// One figure as a row: each column's text, `None` where it is empty.
/// `value` and `value_high` are plain decimal numbers.
pub type Row = [Option<String>; 13];

/// A decimal as a plain number: `-14.0`, `193.4`, `0.22`.
fn plain(d: Decimal) -> String {
    let (whole, frac) = d.digits();
    let sign = if d.is_negative() && !d.is_zero() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{frac}")
    }
}

fn unit(q: &Quantity) -> String {
    match &q.unit {
        Unit::Usd(MoneyScale::Units) => "USD".into(),
        Unit::Usd(MoneyScale::Millions) => "USD millions".into(),
        Unit::Usd(MoneyScale::Billions) => "USD billions".into(),
        Unit::UsdPerShare => "USD per share".into(),
        Unit::Percent => "percent".into(),
        Unit::Points => "percentage points".into(),
        Unit::Other(u) => u.clone(),
    }
}

fn row(report: &Report, f: &Figure) -> Row {
    let (value, high, unit) = match &f.value {
        Value::One(q) => (Some(plain(q.amount)), None, Some(unit(q))),
        Value::Range(lo, hi) => (
            Some(plain(lo.amount)),
            Some(plain(hi.amount)),
            Some(unit(lo)),
        ),
        Value::Text(_) => (None, None, Some("text".into())),
        Value::NotReported => (None, None, None),
    };
    let note = match (&f.note, f.is_reported()) {
        (Some(n), _) => Some(report.plain_text(n)),
        (None, false) => Some("Not given by the sources.".into()),
        (None, true) => None,
    };
    let source = f.source.as_ref();
    [
        Some(f.id.clone()),
        Some(f.label.clone()),
        Some(f.period.clone()),
        Some(f.basis.key().into()),
        value,
        high,
        unit,
        match f.qualifier {
            Qualifier::Exact => None,
            Qualifier::About => Some("about".into()),
            Qualifier::MoreThan => Some("more than".into()),
        },
        Some(f.display()),
        source.map(|s| {
            report
                .source(&s.doc)
                .map_or(s.doc.clone(), |d| d.title.clone())
        }),
        source.map(|s| s.location.clone()),
        f.formula.clone(),
        note,
    ]
}

/// Every figure, in the dataset's order.
pub fn rows(report: &Report) -> Vec<Row> {
    report.figures().iter().map(|f| row(report, f)).collect()
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
pub(super) fn field(text: &str) -> String {
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The figures as CSV: RFC 4180 (a header row, CRLF line ends), UTF-8.
pub fn csv(report: &Report) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for row in rows(report) {
        let fields: Vec<String> = row
            .iter()
            .map(|c| c.as_deref().map(field).unwrap_or_default())
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The figures as JSON: an array of objects with the CSV's columns as
/// keys; `value` and `value_high` are JSON numbers written with the
/// dataset's decimals, an empty column is `null`.
pub fn json(report: &Report) -> String {
    let items: Vec<String> = rows(report)
        .iter()
        .map(|row| {
            let pairs: Vec<String> = COLUMNS
                .iter()
                .zip(row)
                .map(|(name, cell)| {
                    let value = match (cell, *name) {
                        (None, _) => "null".to_string(),
                        // Plain decimals are valid JSON numbers as they stand.
                        (Some(n), "value" | "value_high") => n.clone(),
                        (Some(text), _) => serde_json::Value::String(text.clone()).to_string(),
                    };
                    format!("\"{name}\": {value}")
                })
                .collect();
            format!("  {{{}}}", pairs.join(", "))
        })
        .collect();
    format!("[\n{}\n]\n", items.join(",\n"))
}

/// The file name stem of a report's downloads: "cerebras-systems-q1-2026".
pub fn stem(report: &Report) -> String {
    let mut out = String::new();
    for c in report.name().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The files the build publishes, with their contents.
pub fn files(report: &Report) -> Vec<(Download, String)> {
    let stem = stem(report);
    [
        ("CSV", "csv", "text/csv", csv(report)),
        ("JSON", "json", "application/json", json(report)),
    ]
    .into_iter()
    .map(|(format, ext, media_type, text)| {
        let download = Download {
            file: format!("{stem}-figures.{ext}"),
            format: format.into(),
            media_type: media_type.into(),
            bytes: text.len() as u64,
        };
        (download, text)
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::field;
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let r = crate::bundled::report();
        let csv = csv(&r);
        assert!(csv.starts_with("id,label,period,basis,value,value_high,unit,"));
        assert!(csv.ends_with("\r\n"));
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("plain −$14.0M"), "plain −$14.0M");
    }

    #[test]
    fn the_stem_names_the_report() {
        let r = crate::bundled::report();
        assert_eq!(stem(&r), "cerebras-systems-q1-2026");
    }

    #[test]
    fn the_report_knows_the_size_of_each_file() {
        let r = crate::bundled::report();
        let files = files(&r);
        assert_eq!(
            r.downloads,
            files.iter().map(|(d, _)| d.clone()).collect::<Vec<_>>(),
            "the sizes compiled into the page are those of the files the build writes"
        );
    }
}

//! Build step, run by Trunk after each build (see Trunk.toml): renders every
//! canonical view of the report to static HTML with the app's own
//! components, so that each shared link is a complete page before any script
//! runs, and so that link unfurlers see the view's title, description and
//! preview image. The wasm then hydrates the page.
//!
//! The report is the bundled one (`EE_DATASET`), at the site's root; or,
//! with `EE_REPORTS=<folder>`, every report of that folder, each in its own
//! folder, with an index at the root (`season`).
//!
//! Usage: `prerender [<dist>]` (default: `$TRUNK_STAGING_DIR`, else `dist`);
//! the public URL for absolute links comes from `EE_PUBLIC_URL` (default
//! `http://127.0.0.1:8080/`). `prerender --check` only reads and checks the
//! reports of `EE_REPORTS`, naming each bad file (Trunk's first hook, so
//! that a bad folder stops the build before anything is written).

mod deploy;
mod files;
mod markers;
mod oembed;
mod page;
mod preview;
mod report;
mod season;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use earnings_explorer::model::{format, Report};
use earnings_explorer::state::embed::escape_html;
use earnings_explorer::state::meta::description;
use earnings_explorer::state::url::{resolve, Section, ViewState};
use files::write;
use page::{Head, Template};
use report::{write_report, Place};

/// The public address the site is served from, when the build names none.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080/";

/// The page of an address with no view, and the example article, say this.
struct Home {
    /// What the site is, e.g. "Cerebras Systems Q1 2026" or "the index of 3 reports".
    name: String,
    /// Its address.
    href: String,
    /// Its date, if it is one report's.
    released: Option<String>,
    /// What its head says.
    description: String,
}

fn run() -> Result<String, String> {
    // As a Trunk hook it works on Trunk's staging folder.
    let dist = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .unwrap_or_else(|| "dist".into());
    let dist = Path::new(&dist);
    let mut public = std::env::var("EE_PUBLIC_URL").unwrap_or_else(|_| DEFAULT_PUBLIC_URL.into());
    if !public.ends_with('/') {
        public.push('/');
    }
    let base_path = public
        .splitn(4, '/')
        .nth(3)
        .map(|p| format!("/{p}"))
        .unwrap_or_else(|| "/".into());
    // Every report is read and checked before anything is written.
    let many = season::folder().map(|f| season::read(&f)).transpose()?;

    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut template = Template::parse(&html, &base_path, |href| {
        let file = dist.join(
            href.strip_prefix(&base_path)
                .unwrap_or(href)
                .trim_start_matches('/'),
        );
        fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))
    })?;
    let loader = deploy::publish_loader(dist)?;
    template.set_loader(&loader);
    let renderer = preview::Renderer::new()?;

    let mut pages = Vec::new();
    let mut downloads = Vec::new();
    let mut embeds = Vec::new();
    let (mut views, mut images) = (0, 0);
    let (home, example, first_image) = match &many {
        None => {
            let report = Arc::new(earnings_explorer::bundled::report());
            let place = Place {
                dir: dist.to_path_buf(),
                public: public.clone(),
                site: public.clone(),
                base: base_path.clone(),
                neighbours: None,
            };
            let w = write_report(&report, &place, &template, &renderer)?;
            (pages, downloads, views, images) = (w.pages, w.downloads, w.views, w.images);
            embeds.push(String::new());
            let home = Home {
                name: report.name(),
                href: public.clone(),
                released: Some(report.released.clone()),
                description: description(&report, &ViewState::default()),
            };
            (
                home,
                Some((String::new(), report)),
                "preview/index.png".to_string(),
            )
        }
        Some(all) => {
            for entry in all {
                let neighbours = season::neighbours(entry, all, &base_path);
                let place = Place {
                    dir: dist.join(&entry.id),
                    public: format!("{public}{}/", entry.id),
                    site: public.clone(),
                    base: format!("{base_path}{}/", entry.id),
                    neighbours: Some(Arc::new(neighbours)),
                };
                let w = write_report(
                    &Arc::new(entry.report.clone()),
                    &place,
                    &template,
                    &renderer,
                )?;
                let prefixed = |p: &String| format!("{}/{p}", entry.id);
                pages.extend(w.pages.iter().map(prefixed));
                downloads.extend(w.downloads.iter().map(prefixed));
                embeds.push(format!("{}/", entry.id));
                views += w.views;
                images += w.images;
            }
            let newest = season::newest(all).map(|(id, r)| (format!("{id}/"), Arc::new(r.clone())));
            let image = newest
                .as_ref()
                .map(|(id, _)| format!("{id}preview/index.png"))
                .unwrap_or_default();
            // The index, complete without scripts.
            let description = season::index_description(all);
            let head = Head {
                title: "Earnings reports — Earnings Explorer".into(),
                description: description.clone(),
                canonical: public.clone(),
                image: resolve(&public, &image),
                image_alt: "Earnings Explorer".into(),
                index: true,
                oembed: None,
            };
            let body = season::index_body(all, &base_path);
            write(&dist.join("index.html"), template.static_page(&head, &body))?;
            pages.insert(0, String::new());
            let home = Home {
                name: "Earnings reports".into(),
                href: public.clone(),
                released: None,
                description,
            };
            (home, newest, image)
        }
    };

    let not_found = Head {
        title: format!("No such view — {}", home.name),
        description: home.description.clone(),
        canonical: public.clone(),
        image: resolve(&public, &first_image),
        image_alt: home.name.clone(),
        index: false,
        oembed: None,
    };
    let body = format!(
        "<main class=\"page page--error\"><h1>There is no view at this address</h1>\
         <p>The link may be mistyped or come from a report that has been replaced.</p>\
         <p><a href=\"{}\">Open {}</a>{}.</p></main>",
        escape_html(&home.href),
        escape_html(&home.name),
        home.released
            .as_deref()
            .and_then(format::date)
            .map(|d| format!(", released {d}"))
            .unwrap_or_default()
    );
    write(
        &dist.join("404.html"),
        template.static_page(&not_found, &body),
    )?;
    if let Some((prefix, report)) = &example {
        write_example(dist, prefix, report)?;
    }
    deploy::write_headers(dist, &base_path, &template.csp, &pages, &downloads, &embeds)?;
    let compressed = files::precompress(dist)?;
    Ok(format!(
        "pre-rendered {views} pages, {images} preview images and 404.html{} into {} (public URL {public}); \
         published {} and {}; wrote the security headers; precompressed {compressed} files",
        if many.is_some() { ", with an index of the reports" } else { "" },
        dist.display(),
        loader.file,
        downloads.join(", ")
    ))
}

/// Fills in the example host article (`examples/article.html`) with a
/// report: its name, its last card, a section and its first question, so a
/// site built for another report (`EE_DATASET`) shows nothing of the bundled
/// one. `prefix` is the report's folder in a site of many (`acme…/`), else empty.
fn write_example(dist: &Path, prefix: &str, report: &Report) -> Result<(), String> {
    let path = dist.join("examples/article.html");
    let Ok(template) = fs::read_to_string(&path) else {
        return Ok(());
    };
    let card = report.cards.last();
    let faq = report.faq.first();
    // A section beyond the headline figures, when the report has one.
    let section = Section::ALL
        .into_iter()
        .filter(|s| !matches!(s, Section::Metrics | Section::Sources | Section::Glossary))
        .find(|s| s.present_in(report))
        .unwrap_or(Section::Metrics);
    let plain = |t: &str| escape_html(&report.plain_text(t));
    let html = template
        .replace("href=\"../", &format!("href=\"../{prefix}"))
        .replace("{{report}}", &escape_html(&report.name()))
        .replace("{{card-id}}", card.map_or("", |c| c.id.as_str()))
        .replace(
            "{{card-title}}",
            &card.map_or(String::new(), |c| escape_html(&c.title)),
        )
        .replace("{{section}}", section.as_str())
        .replace("{{section-title}}", section.label())
        .replace("{{faq-id}}", faq.map_or("", |q| q.id.as_str()))
        .replace(
            "{{faq-question}}",
            &faq.map_or(String::new(), |q| plain(&q.question)),
        );
    write(&path, html)
}

/// Reads and checks the folder of reports, if the build names one.
fn check() -> Result<String, String> {
    Ok(match season::folder() {
        Some(folder) => format!("{} reports in {folder}", season::read(&folder)?.len()),
        None => "no folder of reports (EE_REPORTS) to check".into(),
    })
}

fn main() {
    let outcome = if std::env::args().nth(1).as_deref() == Some("--check") {
        check()
    } else {
        run()
    };
    match outcome {
        Ok(summary) => println!("{summary}"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}

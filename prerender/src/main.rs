//! Build step, run by Trunk after each build (see Trunk.toml): renders every
//! canonical view of the bundled report to static HTML with the app's own
//! components, so that each shared link is a complete page before any script
//! runs, and so that link unfurlers see the view's title, description and
//! preview image. The wasm then hydrates the page.
//!
//! Usage: `prerender [<dist>]` (default: `$TRUNK_STAGING_DIR`, else `dist`);
//! the public URL for absolute links comes from `EE_PUBLIC_URL` (default
//! `http://127.0.0.1:8080/`).

mod deploy;
mod files;
mod markers;
mod oembed;
mod page;
mod preview;

use std::fs;
use std::path::Path;

use earnings_explorer::model::export;
use earnings_explorer::model::format;
use earnings_explorer::state::embed::escape_html;
use earnings_explorer::state::meta::{description, headline, older_pages, pre_rendered_views};
use earnings_explorer::state::url::{resolve, Section, ViewState};
use earnings_explorer::state::Catalogue;
use earnings_explorer::App;
use files::write;
use leptos::prelude::*;
use page::{Head, Template};

/// The public address the site is served from, when the build names none.
pub const DEFAULT_PUBLIC_URL: &str = "http://127.0.0.1:8080/";

/// Renders the app for a view's path: static HTML, in which the browser
/// hydrates the islands alone.
fn render(view: &ViewState) -> String {
    let url = view.path();
    let html = Owner::new().with(|| view! { <App url=url/> }.to_html());
    markers::outside_islands_dropped(&html)
}

/// The file name of a view's preview image (embeds share their page's).
fn preview_file(view: &ViewState) -> String {
    let path = view.shared().path();
    let name = path.trim_end_matches('/').replace('/', "-");
    format!(
        "preview/{}.png",
        if name.is_empty() { "index" } else { &name }
    )
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
    // The same compiled-in report the wasm carries.
    let report = earnings_explorer::bundled::report();
    let catalogue = Catalogue::of(&report);
    template.set_catalogue(&catalogue);
    let renderer = preview::Renderer::new()?;

    let views = pre_rendered_views(&report);
    let mut images = 0;
    for view in &views {
        let shared = view.shared();
        let image = preview_file(view);
        let head_line = headline(&report, &shared);
        if !view.embed {
            write(&dist.join(&image), renderer.png(&preview::svg(&head_line))?)?;
            images += 1;
        }
        let alt = std::iter::once(head_line.title.clone())
            .chain(
                head_line
                    .figures
                    .iter()
                    .map(|(l, v, b)| format!("{l} {v} ({b})").trim().to_string()),
            )
            .collect::<Vec<_>>()
            .join(": ");
        // A page (not an embed) has an oEmbed document beside it.
        let oembed = (!view.embed).then(|| resolve(&public, &oembed::file(view)));
        let title = view.title(&catalogue);
        if !view.embed {
            let thumbnail = oembed::Thumbnail {
                url: &resolve(&public, &image),
                width: preview::WIDTH,
                height: preview::HEIGHT,
            };
            let doc = oembed::document(view, &public, &title, &thumbnail);
            write(&dist.join(oembed::file(view)), doc)?;
        }
        let head = Head {
            title,
            description: description(&report, &shared),
            canonical: resolve(&public, &shared.to_href()),
            image: resolve(&public, &image),
            image_alt: alt,
            index: !view.embed,
            oembed,
        };
        let html = template.page(view, &head, &render(view));
        write(&dist.join(view.path()).join("index.html"), &html)?;
        // Older links to this view's page get the same page.
        for (old, _) in older_pages(&report).iter().filter(|(_, v)| v == view) {
            write(&dist.join(old).join("index.html"), &html)?;
        }
    }

    // Every figure as CSV and JSON, linked from the Sources section with the
    // sizes compiled into the page; they must be the files' own.
    let files = export::files(&report);
    for (download, text) in &files {
        if report.downloads.iter().all(|d| d != download) {
            return Err(format!(
                "{} would be {} bytes, but the page says otherwise: the report was compiled from another dataset",
                download.file, download.bytes
            ));
        }
        write(&dist.join(&download.file), text)?;
    }

    let not_found = Head {
        title: format!("No such view — {}", report.name()),
        description: description(&report, &ViewState::default()),
        canonical: public.clone(),
        image: resolve(&public, "preview/index.png"),
        image_alt: report.name(),
        index: false,
        oembed: None,
    };
    let body = format!(
        "<main class=\"page page--error\"><h1>There is no view at this address</h1>\
         <p>The link may be mistyped or come from a report that has been replaced.</p>\
         <p><a href=\"{}\">Open {}</a>, released {}.</p></main>",
        escape_html(&public),
        escape_html(&report.name()),
        format::date(&report.released).unwrap_or_default()
    );
    write(
        &dist.join("404.html"),
        template.static_page(&not_found, &body),
    )?;
    write_example(dist, &report)?;
    let pages: Vec<String> = views
        .iter()
        .filter(|v| !v.embed)
        .map(ViewState::path)
        .collect();
    let downloads: Vec<String> = files.iter().map(|(d, _)| d.file.clone()).collect();
    deploy::write_headers(dist, &base_path, &template.csp, &pages, &downloads)?;
    let compressed = files::precompress(dist)?;
    Ok(format!(
        "pre-rendered {} pages, {images} preview images and 404.html into {} (public URL {public}); \
         published {} and {}; wrote the security headers; precompressed {compressed} files",
        views.len(),
        dist.display(),
        loader.file,
        downloads.join(", ")
    ))
}

/// Fills in the example host article (`examples/article.html`) with this
/// report: its name, its last card, a section and its first question, so a site built
/// for another report (`EE_DATASET`) shows nothing of the bundled one.
fn write_example(dist: &Path, report: &earnings_explorer::model::Report) -> Result<(), String> {
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

fn main() {
    match run() {
        Ok(summary) => println!("{summary}"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}

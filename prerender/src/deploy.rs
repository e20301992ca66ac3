//! What a host needs beside the pages: the embed loader under a
//! content-hashed name, the security and cache headers (computed from this
//! build, so the policy's hashes are never copied by hand), and a brotli and
//! a gzip copy of every text file. See `deploy/` for the server recipes.

use std::fs;
use std::io::Write;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::page::{integrity, Csp};
use crate::write;

/// The embed loader as published: `embed.<hash>.js` beside `embed.js`.
pub struct Loader {
    pub file: String,
    pub integrity: String,
}

/// Copies `embed.js` to its content-hashed name, which a snippet can pin
/// with `integrity` and a host can cache for good.
pub fn publish_loader(dist: &Path) -> Result<Loader, String> {
    let source = dist.join("embed.js");
    let bytes = fs::read(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let hash: String = Sha256::digest(&bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let file = format!("embed.{hash}.js");
    write(&dist.join(&file), &bytes)?;
    Ok(Loader {
        file,
        integrity: integrity(&bytes),
    })
}

/// Whether a file name carries a content hash (Trunk's `-<hex>`, 12 to 16
/// digits as it drops leading zeros, or the loader's `.<16 hex>.`), so it
/// can be cached for good.
pub fn is_hashed(name: &str) -> bool {
    let stem = name.split(['.', '_']).next().unwrap_or(name);
    let hex = |s: &str| (12..=16).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit());
    stem.rsplit('-').next().is_some_and(hex) || name.split('.').any(hex)
}

/// Writes `_headers` (Netlify, Cloudflare Pages) and `_deploy/` (snippets
/// the nginx and Caddy recipes include): the policy for pages and for
/// embeds, the framing rules, the cache policy.
pub fn write_headers(
    dist: &Path,
    base: &str,
    csp: &Csp,
    pages: &[String],
    downloads: &[String],
) -> Result<(), String> {
    let page_policy = csp.header(false);
    let embed_policy = csp.header(true);
    // The policy goes inside quoted strings of nginx and Caddy configs.
    if page_policy.contains(['"', '\\', '$', '\n']) {
        return Err(format!(
            "the policy cannot be quoted in a server config: {page_policy}"
        ));
    }
    let mut h = String::from(
        "# Written by the build (prerender/src/deploy.rs): do not edit.\n\
         # Netlify and Cloudflare Pages read this file; see deploy/netlify-cloudflare.md.\n",
    );
    h.push_str(&format!(
        "{base}*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n"
    ));
    // Pages are listed one by one, so no two rules give one page two policies.
    for page in pages.iter().map(String::as_str).chain(["404.html"]) {
        h.push_str(&format!(
            "{base}{page}\n  Content-Security-Policy: {page_policy}\n  X-Frame-Options: SAMEORIGIN\n  Cache-Control: no-cache\n"
        ));
    }
    h.push_str(&format!(
        "{base}embed/*\n  Content-Security-Policy: {embed_policy}\n  Cache-Control: no-cache\n"
    ));
    let mut hashed: Vec<String> = fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| is_hashed(name) && !name.ends_with(".br") && !name.ends_with(".gz"))
        .collect();
    hashed.sort();
    // Every hashed file may be read across origins: the pinned loader by
    // articles, the app's script and wasm by its own embed pages inside a
    // scripts-only sandbox (WordPress), whose origin is opaque (`null`).
    for name in &hashed {
        h.push_str(&format!(
            "{base}{name}\n  Cache-Control: public, max-age=31536000, immutable\n  Access-Control-Allow-Origin: *\n"
        ));
    }
    h.push_str(&format!(
        "{base}embed.js\n  Cache-Control: no-cache\n  Access-Control-Allow-Origin: *\n"
    ));
    for file in downloads {
        let media_type = if file.ends_with(".csv") {
            "text/csv; charset=utf-8; header=present"
        } else {
            "application/json; charset=utf-8"
        };
        h.push_str(&format!(
            "{base}{file}\n  Content-Type: {media_type}\n  Cache-Control: no-cache\n"
        ));
    }
    h.push_str(&format!(
        "{base}examples/*\n  Content-Security-Policy: {page_policy}\n  Cache-Control: no-cache\n\
         {base}preview/*\n  Cache-Control: public, max-age=3600\n"
    ));
    let rules = h.lines().filter(|l| l.starts_with('/')).count();
    if rules > 100 {
        eprintln!(
            "prerender: _headers has {rules} rules; Cloudflare Pages reads the first 100 only"
        );
    }
    write(&dist.join("_headers"), h)?;

    let nginx = |policy: &str| format!("add_header Content-Security-Policy \"{policy}\" always;\n");
    write(
        &dist.join("_deploy/nginx-csp-page.conf"),
        nginx(&page_policy),
    )?;
    write(
        &dist.join("_deploy/nginx-csp-embed.conf"),
        nginx(&embed_policy),
    )?;
    write(
        &dist.join("_deploy/csp.caddy"),
        format!(
            "@ee_embed path {base}embed/*\n\
             header @ee_embed Content-Security-Policy \"{embed_policy}\"\n\
             @ee_page not path {base}embed/*\n\
             header @ee_page Content-Security-Policy \"{page_policy}\"\n"
        ),
    )
}

const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "wasm", "json", "svg", "txt", "csv", "xml",
];

/// Writes `X.br` and `X.gz` beside every text or wasm file `X` of the build
/// (the files the server would otherwise compress on each request, at a
/// lower level). Returns how many files it compressed.
pub fn precompress(dir: &Path) -> Result<usize, String> {
    let mut count = 0;
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            count += precompress(&path)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut br = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            w.write_all(&bytes).map_err(|e| e.to_string())?;
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let gz = gz.finish().map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        write(&path.with_file_name(format!("{name}.br")), br)?;
        write(&path.with_file_name(format!("{name}.gz")), gz)?;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_told_apart() {
        for name in [
            "earnings-explorer-0123456789abcdef.js",
            "earnings-explorer-0123456789abcdef_bg.wasm",
            "embed.0123456789abcdef.js",
            "components-6d9972242a31dec.css",
        ] {
            assert!(is_hashed(name), "{name}");
        }
        for name in [
            "embed.js",
            "index.html",
            "404.html",
            "earnings-explorer-0123.js",
        ] {
            assert!(!is_hashed(name), "{name}");
        }
    }
}

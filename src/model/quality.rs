//! What citizens need from every page and file, checked before rendering:
//! a description (shown in lists, search results and shared links; the
//! title is required already), and files small enough for a slow connection.

use super::{Node, HOME};
use crate::diagnostic::{Diagnostic, Location};
use crate::messages::Msg;
use crate::read::config::Config;
use crate::read::content::Asset;

const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "webp", "gif", "avif", "svg"];

/// Pages and sections written without a `description`.
pub fn summaries(nodes: &[Node]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        // The home page is named and described by site.yaml.
        if i == HOME {
            continue;
        }
        // A campaign that is only its plan document has no front matter to add to.
        for v in node
            .versions
            .values()
            .filter(|v| v.rel.ends_with(".md") && !is_plan(&v.rel))
        {
            if v.front.description.is_none() {
                out.push(Diagnostic::warning(
                    Location::file(&v.path),
                    Msg::MissingDescription,
                ));
            }
        }
    }
    out
}

fn is_plan(rel: &str) -> bool {
    rel.ends_with("/plan.md")
}

/// Images above `max_image_kb` and other files above `max_file_kb`.
pub fn file_sizes(assets: &[Asset], config: &Config) -> Vec<Diagnostic> {
    assets
        .iter()
        .filter_map(|a| {
            let size = std::fs::metadata(&a.path).ok()?.len();
            let ext = a
                .path
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            let image = IMAGE_EXTENSIONS.contains(&ext.as_str());
            let limit_kb = if image {
                config.max_image_kb
            } else {
                config.max_file_kb
            };
            (size > limit_kb * 1024).then(|| {
                Diagnostic::warning(
                    Location::file(&a.path),
                    Msg::LargeFile {
                        size_kb: size.div_ceil(1024),
                        limit_kb,
                        image,
                    },
                )
            })
        })
        .collect()
}

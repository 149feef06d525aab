//! What citizens need from every page and file, checked before rendering:
//! a description (shown in lists, search results and shared links; the
//! title is required already), and files small enough for a slow connection.

use super::{Node, HOME};
use crate::diagnostic::{Diagnostics, Location};
use crate::messages::Msg;
use crate::read::config::Config;
use crate::read::content::Asset;

const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "webp", "gif", "avif", "svg"];

/// Pages and sections written without a `description`.
pub fn summaries(nodes: &[Node], problems: &mut Diagnostics) {
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
                problems.warning(Location::file(&v.path), Msg::MissingDescription);
            }
        }
    }
}

/// Pages whose `updated` is after the build's "now": a typo in the year,
/// or a date planned ahead; either way lists and feeds would show a change
/// that has not happened.
pub fn updated_in_future(nodes: &[Node], now: &jiff::Zoned, problems: &mut Diagnostics) {
    for v in nodes.iter().flat_map(|n| n.versions.values()) {
        let (Some(updated), Some(at)) = (&v.front.updated, &v.front.updated_at) else {
            continue;
        };
        if updated.zoned > *now {
            problems.warning(
                at.clone(),
                Msg::UpdatedInFuture {
                    updated: updated.ymd(),
                    now: now.date().to_string(),
                },
            );
        }
    }
}

fn is_plan(rel: &str) -> bool {
    rel.ends_with("/plan.md")
}

/// Images above `max_image_kb` and other files above `max_file_kb`.
pub fn file_sizes(assets: &[Asset], config: &Config, problems: &mut Diagnostics) {
    for a in assets {
        let Some(size) = a.size else {
            continue;
        };
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
        if size > limit_kb * 1024 {
            problems.warning(
                Location::file(&a.path),
                Msg::LargeFile {
                    size_kb: size.div_ceil(1024),
                    limit_kb,
                    image,
                },
            );
        }
    }
}

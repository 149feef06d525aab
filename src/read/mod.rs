//! Reading what staff write: `site.yaml`, pages with front matter, slogans.

pub mod config;
pub mod content;
pub mod date;
pub mod frontmatter;
pub mod hours;
pub mod plan;
pub mod points;
pub mod records;
pub mod slogans;
pub mod text;
pub mod yaml;

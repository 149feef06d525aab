//! Reading what staff write: every file of a site is read and parsed here
//! (`site.yaml`, pages with front matter, slogans, points, the theme), and
//! comes out as parsed documents, with every problem found reported into a
//! [`crate::diagnostic::Diagnostics`]. No other stage reads the site's files.

pub mod ahead;
pub mod cache;
pub mod config;
pub mod content;
pub mod date;
pub mod encoding;
pub mod frontmatter;
pub mod hours;
pub mod known;
pub mod languages;
pub mod organization;
pub mod pdf;
pub mod plan;
pub mod points;
pub mod records;
pub mod resources;
pub mod section;
pub mod shapes;
pub mod simple_yaml;
pub mod slogans;
pub mod text;
pub mod theme;
pub mod workbook;
pub mod yaml;

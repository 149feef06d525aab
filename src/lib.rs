//! `loa`: a static-site generator for public campaign information.
//!
//! The modules follow the data flow: [`read`] (configuration, content, data
//! files) → [`model`] (pages, sections, URLs, links) → [`render`] (Markdown,
//! templates, feeds) → [`write`] (atomic output). [`build`] runs the pipeline;
//! [`diagnostic`] and [`messages`] carry every problem to the user.

pub mod build;
pub mod collate;
pub mod diagnostic;
pub mod digest;
pub mod import;
pub mod locale;
pub mod messages;
pub mod model;
pub mod read;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod slug;
pub mod timings;
pub mod write;

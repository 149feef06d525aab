//! The theme, as the read stage loaded it ([`crate::read::theme`]).

pub use crate::read::theme::{Source, Theme};

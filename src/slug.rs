//! URL slugs from Vietnamese text: `Kích hoạt mức 2` → `kich-hoat-muc-2`.
//! The plan reader makes its section ids by the same rule, so one function
//! serves both.

pub use loa_plan::slugify;

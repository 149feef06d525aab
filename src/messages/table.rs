//! The two macros that turn the tables of `catalogue.rs` and `interface.rs`
//! into code: each entry names a variant and binds its fields, then gives
//! its English and Vietnamese words (for a diagnostic: the message, then
//! after a comma how to fix it, when there is a fix; and an example).
//! A variant missing from a table, or an entry naming a field the variant
//! does not have, is a compile error.

/// `CODE Variant {fields} en: message[, fix]; vi: message[, fix]; example {…}`
/// for every [`Msg`](super::Msg): makes `Msg::code`, `Msg::text` and
/// `Msg::examples` (the examples in the order of the table).
macro_rules! diagnostics {
    ($(
        $code:ident $variant:ident $fields:tt
            en: $en:expr $(, $en_fix:expr)?;
            vi: $vi:expr $(, $vi_fix:expr)?;
            example $example:tt
    )*) => {
        impl Msg {
            /// The stable code of the problem, e.g. `E0101`: errors start
            /// with `E`, warnings with `W`.
            pub fn code(&self) -> &'static str {
                match self {
                    $(Msg::$variant { .. } => stringify!($code),)*
                }
            }

            /// The message and, when there is one, how to fix it.
            #[allow(unused_variables)]
            pub fn text(&self, lang: UiLang) -> (String, Option<String>) {
                match self {
                    $(Msg::$variant $fields => match lang {
                        UiLang::En => (Into::<String>::into($en), fix!($($en_fix)?)),
                        UiLang::Vi => (Into::<String>::into($vi), fix!($($vi_fix)?)),
                    },)*
                }
            }

            /// One realistic example of every variant, in the order of the
            /// table (by code): the mistakes a ward's communications office
            /// makes, with the values it would see in the message.
            /// `docs/errors.md` is made from them.
            pub fn examples() -> Vec<Msg> {
                vec![$(Msg::$variant $example),*]
            }
        }
    };
}

macro_rules! fix {
    () => {
        None
    };
    ($fix:expr) => {
        Some(Into::<String>::into($fix))
    };
}

/// `Variant {fields} en: text; vi: text;` for every
/// [`UiText`](super::UiText): makes `UiText::text`.
macro_rules! interface_texts {
    ($(
        $variant:ident $fields:tt
            en: $en:expr;
            vi: $vi:expr;
    )*) => {
        impl UiText {
            /// The text in the language of the interface.
            #[allow(unused_variables)]
            pub fn text(&self, lang: UiLang) -> String {
                match self {
                    $(UiText::$variant $fields => match lang {
                        UiLang::En => Into::<String>::into($en),
                        UiLang::Vi => Into::<String>::into($vi),
                    },)*
                }
            }
        }
    };
}

pub(super) use {diagnostics, fix, interface_texts};

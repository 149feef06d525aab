//! How a plan's dates, times and weekdays are written in JSON: ISO 8601
//! dates (`2026-06-30`), times `HH:MM`, ISO weekday numbers (1 = Monday …
//! 7 = Sunday), `null` for an unknown value.

use jiff::civil::{Date, Time, Weekday};
use serde::Serializer;

pub(crate) fn date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

pub(crate) fn option_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => date(d, s),
        None => s.serialize_none(),
    }
}

pub(crate) fn option_time<S: Serializer>(t: &Option<Time>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.collect_str(&hhmm(*t)),
        None => s.serialize_none(),
    }
}

pub(crate) fn option_weekday<S: Serializer>(w: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
    match w {
        Some(w) => s.serialize_i8(w.to_monday_one_offset()),
        None => s.serialize_none(),
    }
}

/// `08:30`.
pub(crate) fn hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Row {
        #[serde(serialize_with = "date")]
        d: Date,
        #[serde(serialize_with = "option_date")]
        none: Option<Date>,
        #[serde(serialize_with = "option_time")]
        t: Option<Time>,
        #[serde(serialize_with = "option_weekday")]
        w: Option<Weekday>,
    }

    #[test]
    fn iso_dates_hours_and_weekday_numbers() {
        let row = Row {
            d: jiff::civil::date(2026, 6, 30),
            none: None,
            t: Some(jiff::civil::time(8, 5, 0, 0)),
            w: Some(Weekday::Sunday),
        };
        assert_eq!(
            serde_json::to_string(&row).unwrap(),
            r#"{"d":"2026-06-30","none":null,"t":"08:05","w":7}"#
        );
    }
}

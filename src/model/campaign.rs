//! Campaigns read from their plan documents: the plan of
//! `campaigns/<slug>/plan.txt` gives the page its structure, and the front
//! matter of `index.md` (or of a translation) overrides any field of it,
//! including who each deadline is for.

use loa_plan::{Audience, Plan};

use crate::read::frontmatter::CampaignFields;

/// Front matter wins over what the plan says.
pub fn apply(plan: &mut Plan, fields: &CampaignFields) {
    let set = |target: &mut Option<String>, value: &Option<String>| {
        if let Some(v) = value {
            *target = Some(v.clone());
        }
    };
    set(&mut plan.number, &fields.number);
    set(&mut plan.issuer, &fields.issuer);
    set(&mut plan.place, &fields.place);
    set(&mut plan.audience, &fields.audience);
    set(&mut plan.scope, &fields.scope);
    if let Some(d) = &fields.issued {
        plan.issued = Some(d.zoned.date());
        if plan.period_from_issue && plan.period.start.is_none() {
            plan.period.start = plan.issued;
        }
    }
    if let Some(d) = &fields.period_start {
        plan.period.start = Some(d.zoned.date());
    }
    if let Some(d) = &fields.period_end {
        plan.period.end = Some(d.zoned.date());
    }
    for d in &mut plan.deadlines {
        if fields.deadlines.public.contains(&d.date) {
            d.audience = Audience::Public;
        } else if fields.deadlines.internal.contains(&d.date) {
            d.audience = Audience::Internal;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::date::PageDate;
    use jiff::civil::date;
    use jiff::tz::TimeZone;

    fn day(y: i16, m: i8, d: i8) -> Option<PageDate> {
        PageDate::from_date(date(y, m, d), &TimeZone::fixed(jiff::tz::offset(7)))
    }

    #[test]
    fn front_matter_dates_win_and_a_period_from_issue_starts_that_day() {
        let mut plan = loa_plan::read(
            "KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nThời gian: Từ ngày ban hành Kế hoạch đến hết ngày 30/6/2026.\n",
        );
        assert_eq!((plan.issued, plan.period.start), (None, None));
        let fields = CampaignFields {
            issued: day(2026, 5, 12),
            number: Some("15/KH-UBND".into()),
            ..Default::default()
        };
        apply(&mut plan, &fields);
        assert_eq!(plan.issued, Some(date(2026, 5, 12)));
        assert_eq!(plan.period.start, Some(date(2026, 5, 12)));
        assert_eq!(plan.period.end, Some(date(2026, 6, 30)));
        assert_eq!(plan.number.as_deref(), Some("15/KH-UBND"));
        let fields = CampaignFields {
            period_end: day(2026, 7, 15),
            ..Default::default()
        };
        apply(&mut plan, &fields);
        assert_eq!(plan.period.end, Some(date(2026, 7, 15)));
    }

    #[test]
    fn front_matter_says_who_the_deadlines_of_a_day_are_for() {
        let mut plan = loa_plan::read(
            "KẾ HOẠCH\nThử\nII. NHIỆM VỤ\n1. Công an xã lập danh sách trước ngày 10/6/2026.\n\
             2. Phụ huynh đưa trẻ đến làm thủ tục trước ngày 20/6/2026.\n",
        );
        let audiences = |plan: &Plan| -> Vec<(String, Audience)> {
            plan.deadlines
                .iter()
                .map(|d| (d.date.to_string(), d.audience))
                .collect()
        };
        assert_eq!(
            audiences(&plan),
            [
                ("2026-06-10".into(), Audience::Internal),
                ("2026-06-20".into(), Audience::Public)
            ]
        );
        let fields = CampaignFields {
            deadlines: crate::read::frontmatter::DeadlineAudiences {
                public: vec![date(2026, 6, 10)],
                internal: vec![date(2026, 6, 20)],
            },
            ..Default::default()
        };
        apply(&mut plan, &fields);
        assert_eq!(
            audiences(&plan),
            [
                ("2026-06-10".into(), Audience::Public),
                ("2026-06-20".into(), Audience::Internal)
            ]
        );
    }
}

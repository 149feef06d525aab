//! What one paragraph or item of the body states: labelled facts (`Phạm
//! vi`, `Đối tượng`, `Thời gian`, `Chỉ tiêu`), the period in a `Thời gian`
//! section, targets, the agencies it gives tasks to, its deadlines and its
//! reporting duties.

use crate::agencies;
use crate::audience;
use crate::facts;
use crate::hours;
use crate::lines::{Block, Marker};
use crate::model::{Audience, Deadline, Period, Plan};
use crate::period;

use super::{push_agency, push_target, SectionUnit, Walker};

/// The headings a block stands under, as the facts need them.
struct Place {
    headings: Vec<String>,
    /// The innermost heading.
    inner: String,
    /// The block is a target: an item of a `Chỉ tiêu` section or label.
    in_targets: bool,
    /// Under a section of tasks, organization or reporting, where a
    /// sentence's subject is an agency given a task.
    organizing: bool,
}

impl Walker {
    pub(super) fn facts(&mut self, b: &Block, plan: &mut Plan) {
        let headings = self.sections.headings();
        let top = headings
            .first()
            .map(|h| h.to_uppercase())
            .unwrap_or_default();
        let inner = headings.last().cloned().unwrap_or_default();
        let inner_lower = inner.to_lowercase();
        let label = b.label.as_deref().map(str::to_lowercase);
        // A `Chỉ tiêu` section's items are targets; so are those of a
        // `Mục tiêu` section that state a share (`1) 100% học sinh …`).
        let targets_here = inner_lower.contains("chỉ tiêu")
            || (inner_lower.contains("mục tiêu") && facts::percent(&b.text).is_some());
        let place = Place {
            in_targets: targets_here || label.as_ref().is_some_and(|l| l.contains("chỉ tiêu")),
            organizing: ["TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG", "BÁO CÁO", "NHIỆM VỤ"]
                .iter()
                .any(|w| top.contains(w)),
            headings,
            inner,
        };
        let text = b.text.as_str();
        match &label {
            Some(label) => self.labelled(label, &b.rest, plan),
            None => self.under_heading(text, &place, plan),
        }
        if targets_here && b.label.is_none() && !self.sections.has_children() {
            push_target(plan, &mut self.seen, text, self.year);
        }
        // No period stated yet: a range in a sentence about the campaign.
        if self.period_source.is_none() {
            let range = facts::sentences(text)
                .into_iter()
                .filter(|s| period::about_campaign(s))
                .find_map(|s| period::in_sentence(s, self.year));
            if let Some(stated) = range {
                self.set_period(stated, period::Source::Body, plan);
            }
        }
        let (agency, by_heading) = self.who(b, &place, plan);
        self.deadlines(b, &place, agency, by_heading, plan);
        for sentence in facts::sentences(text) {
            for r in facts::reportings(sentence, &place.inner) {
                if self.seen.reporting.insert(r.text.clone()) {
                    plan.reporting.push(r);
                }
            }
            // Hours given for a period of their own hold for that period
            // only: the clause's (`Từ ngày 01/6 đến hết ngày 30/6/2026,
            // Công an xã làm việc …`), or the end written right after them
            // (`… từ thứ Hai đến thứ Bảy đến hết ngày 31/12/2026`).
            let period = |clause: &str| {
                period::in_sentence(clause, self.year)
                    .map(|s| s.period)
                    .or_else(|| {
                        let end = period::until_in(hours::after_hours(clause), self.year)?;
                        Some(Period {
                            start: None,
                            end: Some(end),
                        })
                    })
            };
            for clause in sentence.split(';') {
                if let Some(mut h) = hours::of_clause(clause) {
                    hours::for_period(&mut h, period(clause));
                    plan.office_hours.push(h);
                }
            }
        }
    }

    /// Labelled facts: `Phạm vi: …`, `Đối tượng: …`, `Thời gian: …`,
    /// `Chỉ tiêu: …`; `label` is in lower case.
    fn labelled(&mut self, label: &str, rest: &str, plan: &mut Plan) {
        if label.starts_with("phạm vi") && plan.scope.is_none() {
            plan.scope = Some(rest.to_string());
        } else if label.starts_with("đối tượng") && plan.audience.is_none() {
            plan.audience = Some(rest.to_string());
        }
        if label.starts_with("thời gian") {
            let stated = period::stated(rest, self.year);
            self.set_period(stated, period::Source::Stated, plan);
        }
        if label.contains("chỉ tiêu") {
            push_target(plan, &mut self.seen, rest, self.year);
        }
    }

    /// The text of a section whose heading is a label (`1. Đối tượng`, `IV.
    /// THỜI GIAN THỰC HIỆN`) states what the label names.
    fn under_heading(&mut self, text: &str, place: &Place, plan: &mut Plan) {
        let inner = place.inner.to_lowercase();
        let only = |label: &str| inner.starts_with(label) && !inner.contains(',');
        if only("đối tượng") && plan.audience.is_none() {
            plan.audience = Some(text.to_string());
        } else if only("phạm vi") && plan.scope.is_none() {
            plan.scope = Some(text.to_string());
        }
        if place
            .headings
            .iter()
            .any(|h| h.to_lowercase().contains("thời gian"))
        {
            let stated = period::in_sentence(text, self.year)
                .unwrap_or_else(|| period::stated(text, self.year));
            self.set_period(stated, period::Source::Stated, plan);
        }
    }

    /// The agencies the block gives tasks to; returns the one its deadlines
    /// default to, and whether a label or heading named it.
    fn who(&mut self, b: &Block, place: &Place, plan: &mut Plan) -> (Option<String>, bool) {
        let text = b.text.as_str();
        if let Some(label) = &b.label {
            if label.to_lowercase().starts_with("đơn vị thực hiện") {
                self.executing_units(&b.rest, place, plan);
                return (None, false);
            } else if agencies::is_agency(label) {
                push_agency(plan, &mut self.seen, label, Some(&b.rest));
                return (Some(label.clone()), true);
            }
        }
        // Under an agency's heading, its tasks; a note to residents there is
        // no task of the agency.
        if let Some((a, _)) = self.section_agency.clone() {
            if audience::addresses_residents(facts::first_clause(text)) {
                return (None, false);
            }
            self.section_task(&a, b, plan);
            return (Some(a), true);
        }
        // A sentence whose subject is an agency gives it a task: in the
        // sections of tasks and reports, and a report anywhere.
        let mut first = None;
        for (name, task) in agencies::subject_clauses(text) {
            if place.organizing || facts::reporting(&task, "").is_some() {
                push_agency(plan, &mut self.seen, &name, Some(&task));
                first.get_or_insert(name);
            }
        }
        if first.is_none() && b.label.is_none() {
            self.unassigned.push(text.to_string());
        }
        (first, false)
    }

    /// A task under an agency's heading: a lettered item is one, with the
    /// paragraphs and bullets under it; a `+` bullet belongs to the task
    /// above it.
    fn section_task(&mut self, agency: &str, b: &Block, plan: &mut Plan) {
        let under = match b.marker {
            Some(Marker::Bullet(1)) => self.last_task,
            Some(Marker::Bullet(_)) | None => self.item_task,
            _ => None,
        };
        if let Some((a, t)) = under {
            let task = &mut plan.agencies[a].tasks[t];
            task.push(' ');
            task.push_str(b.text.trim());
            return;
        }
        let (a, t) = push_agency(plan, &mut self.seen, agency, Some(&b.text));
        self.last_task = t.map(|t| (a, t));
        self.item_task = self
            .last_task
            .filter(|_| matches!(b.marker, Some(Marker::Letter(_))));
    }

    /// `Đơn vị thực hiện: A; B.` after a section's items: they are the
    /// tasks of A and B (the section's heading when it has none).
    fn executing_units(&mut self, units: &str, place: &Place, plan: &mut Plan) {
        let tasks = if self.unassigned.is_empty() {
            vec![place.inner.clone()]
        } else {
            std::mem::take(&mut self.unassigned)
        };
        for unit in agencies::executing_units(units) {
            for task in &tasks {
                push_agency(plan, &mut self.seen, &unit, Some(task));
            }
            if let Some(id) = self.sections.current_id() {
                self.units.push(SectionUnit {
                    section: id,
                    agency: unit,
                });
            }
        }
    }

    /// What the headings say of who meets a deadline whose item names
    /// nobody; the same for every block of a section.
    fn headings_audience(&mut self, headings: &[String]) -> (Audience, Option<String>) {
        let id = self.sections.current_id().unwrap_or_default();
        match &self.headings_audience {
            Some((section, decided)) if *section == id => decided.clone(),
            _ => {
                let decided = audience::of_headings(headings);
                self.headings_audience = Some((id, decided.clone()));
                decided
            }
        }
    }

    /// The block's deadlines. A short `Hoàn thành trước …` sentence
    /// completes the one before it.
    fn deadlines(
        &mut self,
        b: &Block,
        place: &Place,
        agency: Option<String>,
        by_heading: bool,
        plan: &mut Plan,
    ) {
        let text = b.text.as_str();
        for found in facts::deadlines(text, self.year) {
            let sentence = found.sentence;
            let before = text[..found.start].trim_end();
            let context = if sentence.split_whitespace().count() > 14 {
                None
            } else if !before.is_empty() {
                Some(facts::sentence_around(
                    before,
                    before.len().saturating_sub(2),
                ))
            } else if b.marker.is_none() && !self.last_text.is_empty() {
                Some(self.last_text.clone())
            } else {
                None
            };
            let joint = if before.ends_with(';') { "; " } else { " " };
            let full = match context {
                Some(c) => format!("{c}{joint}{sentence}"),
                None => sentence.clone(),
            };
            // Residents who must act by the date are responsible for it; else
            // a label or heading names who is; else the sentence's own
            // subject does (`…; Ủy ban nhân dân xã, phường xây dựng …`).
            let (audience, residents) = if place.in_targets {
                (Audience::Internal, None)
            } else {
                audience::of_deadline(text, found.start, found.at)
                    .unwrap_or_else(|| self.headings_audience(&place.headings))
            };
            let responsible = if audience == Audience::Public {
                residents
            } else if by_heading {
                agency.clone()
            } else {
                agencies::agency_of_sentence(&full).or_else(|| agency.clone())
            };
            let d = Deadline {
                date: found.date,
                time: found.time,
                text: full,
                responsible,
                section: self.sections.current_id(),
                audience,
                line: b.line,
            };
            if self.seen.deadlines.insert((d.date, d.time, d.text.clone())) {
                plan.deadlines.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    fn agencies(text: &str) -> Vec<(String, Vec<String>)> {
        crate::read(text)
            .agencies
            .into_iter()
            .map(|a| (a.name, a.tasks))
            .collect()
    }

    fn owned(a: &str, tasks: &[&str]) -> (String, Vec<String>) {
        (a.to_string(), tasks.iter().map(|t| t.to_string()).collect())
    }

    #[test]
    fn office_hours_for_a_period_of_their_own_say_until_when() {
        let plan = crate::read(
            "ỦY BAN NHÂN DÂN XÃ TÂN LỢI\nKẾ HOẠCH\nThử\nII. NHIỆM VỤ\n\
             1. Công an xã: Từ ngày 01/6/2026 đến hết ngày 30/6/2026, bộ phận thu nhận tại \
             trụ sở Công an xã làm việc từ 07 giờ 00 đến 20 giờ 00 tất cả các ngày trong tuần.\n\
             2. Trung tâm Phục vụ hành chính công xã làm việc từ thứ Hai đến thứ Sáu, \
             sáng từ 7 giờ 30 đến 11 giờ 30.\n\
             3. Công an xã tiếp nhận hồ sơ từ 13 giờ 00 đến 17 giờ 00 từ thứ Hai đến \
             thứ Bảy đến hết ngày 31/12/2026.\n\
             4. Công an xã làm việc từ 7 giờ 00 đến 11 giờ 00 từ thứ Hai đến thứ Sáu; \
             báo cáo kết quả đến hết ngày 15/7/2026.\n\
             5. Công an xã làm việc từ 7 giờ 00 đến 16 giờ 00 từ thứ Hai đến thứ Sáu; \
             tổ chức ra quân từ ngày 01/7/2026 đến ngày 31/7/2026.\n\
             6. Công an xã làm việc từ 7 giờ 00 đến 15 giờ 00 từ thứ Hai đến thứ Bảy, \
             phấn đấu hoàn thành chỉ tiêu đến hết ngày 30/9/2026.\n\
             7. Công an xã làm việc từ 7 giờ 00 đến 21 giờ 00 tất cả các ngày trong tuần \
             trong thời gian cao điểm.\n",
        );
        let hours: Vec<(&str, &str)> = plan
            .office_hours
            .iter()
            .map(|h| (h.office.as_str(), h.hours.as_str()))
            .collect();
        assert_eq!(
            hours,
            [
                (
                    "Công an xã Tân Lợi",
                    "T2-CN 07:00-20:00 từ 1/6/2026 đến 30/6/2026"
                ),
                (
                    "Trung tâm Phục vụ hành chính công xã Tân Lợi",
                    "T2-T6 07:30-11:30"
                ),
                ("Công an xã Tân Lợi", "T2-T7 13:00-17:00 đến 31/12/2026"),
                // The end or the period of another clause, or of another
                // part of the clause, is not the hours'; nor is the plan's
                // period a peak's (often a part of it).
                ("Công an xã Tân Lợi", "T2-T6 07:00-11:00"),
                ("Công an xã Tân Lợi", "T2-T6 07:00-16:00"),
                ("Công an xã Tân Lợi", "T2-T7 07:00-15:00"),
                ("Công an xã Tân Lợi", "T2-CN 07:00-21:00"),
            ]
        );
    }

    #[test]
    fn shares_in_a_goals_section_are_targets() {
        let plan = crate::read(
            "KẾ HOẠCH\nThử\nI. MỤC TIÊU\n1) 100% học sinh có thẻ căn cước, hoàn thành trước ngày 31/8/2026.\n\
             2) Nâng cao nhận thức của cha mẹ học sinh.\nII. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm 100% hồ sơ đúng quy định.\n",
        );
        let targets: Vec<&str> = plan.targets.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            targets,
            ["100% học sinh có thẻ căn cước, hoàn thành trước ngày 31/8/2026."]
        );
        assert_eq!(plan.deadlines[0].audience, crate::Audience::Internal);
    }

    #[test]
    fn tasks_under_plain_numbered_headings() {
        let got = agencies(
            "KẾ HOẠCH\nThử\nA. NHIỆM VỤ\n1. Phân công\n1.1. Công an xã\na) Lập danh sách;\n+ Tổ 1: ấp A;\nb) Tổ chức thu nhận.\n\
             Người cao tuổi đăng ký thu nhận tại nhà với Công an xã.\n1.2. Ban Quản lý chợ *(đề nghị phối hợp)*\n- Thông báo lịch.\n\
             2. Đối với người dân: mang theo giấy khai sinh.\n3. Rà soát danh sách học sinh.\nĐơn vị thực hiện: Trường Tiểu học A.\n",
        );
        assert_eq!(
            got,
            [
                owned(
                    "Công an xã",
                    &["Lập danh sách; Tổ 1: ấp A;", "Tổ chức thu nhận."]
                ),
                owned("Ban Quản lý chợ", &["Thông báo lịch."]),
                owned("Trường Tiểu học A", &["Rà soát danh sách học sinh."]),
            ]
        );
    }

    #[test]
    fn short_numbered_headings_of_a_section_of_assignments_are_agencies() {
        let got = agencies(
            "KẾ HOẠCH\nThử\nI. MỤC ĐÍCH\nHỗ trợ người dân.\nII. TỔ CHỨC THỰC HIỆN\n1. Đồn Biên phòng Hố Gùi\nTuần tra bến cá.\n\
             2. Nhà văn hóa xã\na) Mở cửa vào Chủ nhật;\nb) Bố trí bàn ghế.\n3. Kinh phí thực hiện\nTừ ngân sách xã.\n\
             4. Chế độ thông tin, báo cáo\nHằng tuần.\n5. Rà soát dữ liệu dân cư\nTheo hướng dẫn.\n6. Đối với người dân\nMang theo căn cước.\n",
        );
        assert_eq!(
            got,
            [
                owned("Đồn Biên phòng Hố Gùi", &["Tuần tra bến cá."]),
                owned(
                    "Nhà văn hóa xã",
                    &["Mở cửa vào Chủ nhật;", "Bố trí bàn ghế."]
                ),
            ]
        );
        // Residents under their own heading are no agency; an appendix
        // ends the last agency's tasks.
        let got = agencies(
            "KẾ HOẠCH\nThử\nII. NHIỆM VỤ\n1. Nhà văn hóa xã\nMở cửa vào Chủ nhật.\n2. Phụ huynh học sinh\nĐưa trẻ đến điểm cấp căn cước trước ngày 30/6/2026.\n\
             3. Điểm Bưu điện xã\nHỗ trợ cài đặt.\nPHỤ LỤC\nLịch tổ lưu động\n",
        );
        assert_eq!(
            got,
            [
                owned("Nhà văn hóa xã", &["Mở cửa vào Chủ nhật."]),
                owned("Điểm Bưu điện xã", &["Hỗ trợ cài đặt."]),
            ]
        );
        // The same headings under topics of work name no agency.
        let got = agencies(
            "KẾ HOẠCH\nThử\nI. NHIỆM VỤ, GIẢI PHÁP\n1. Nhà văn hóa xã\nMở cửa vào Chủ nhật.\nII. MỤC ĐÍCH\n1. Nhà văn hóa xã\nMở cửa.\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn bodies_named_by_their_first_word() {
        let names: Vec<String> = agencies(
            "KẾ HOẠCH\nThử\nIII. NHIỆM VỤ CỤ THỂ\n- Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở phối hợp rà soát.\n\
             - Hiệu trưởng các trường lập danh sách học sinh.\n- Viettel Cà Mau bố trí nhân viên.\n- VNPT huyện bảo đảm đường truyền.\n\
             - Bệnh viện đa khoa huyện thông báo cho người bệnh.\n- Chi hội Phụ nữ ấp vận động hội viên.\n- Chánh Văn phòng UBND xã tổng hợp kết quả.\n",
        )
        .into_iter()
        .map(|(n, _)| n)
        .collect();
        assert_eq!(
            names,
            [
                "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
                "Hiệu trưởng các trường",
                "Viettel Cà Mau",
                "VNPT huyện",
                "Bệnh viện đa khoa huyện",
                "Chi hội Phụ nữ ấp",
                "Chánh Văn phòng UBND xã",
            ]
        );
    }

    #[test]
    fn each_sentence_of_a_report_names_its_agency() {
        let got = agencies(
            "KẾ HOẠCH\nThử\nI. CHẾ ĐỘ BÁO CÁO\nTổ lưu động báo cáo trước 17h00 hằng ngày. Công an xã báo cáo vào thứ Năm hàng tuần; báo cáo tổng kết trước ngày 05/12/2024.\n",
        );
        assert_eq!(
            got,
            [
                owned("Tổ lưu động", &["Tổ lưu động báo cáo trước 17h00 hằng ngày."]),
                owned(
                    "Công an xã",
                    &["Công an xã báo cáo vào thứ Năm hàng tuần; báo cáo tổng kết trước ngày 05/12/2024."]
                ),
            ]
        );
    }
}

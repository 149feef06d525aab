//! The section tree of a plan as its headings open sections: `I.`, `1.`
//! under it, `a)` under that; each section with an anchor unique in the
//! plan (`iii-1-cong-an-xa`).

use std::collections::HashSet;

use crate::model::Section;
use crate::slug::slugify;

/// A section the walk is in.
struct Open {
    level: u8,
    /// Its number as written (`III`, `1`, `a`), empty when it has none.
    number: String,
    id: String,
}

/// The tree built so far and the sections open at this point of the text.
#[derive(Default)]
pub struct Sections {
    /// Outermost first.
    open: Vec<Open>,
    tree: Vec<Section>,
    ids: HashSet<String>,
}

impl Sections {
    /// Opens a section at `level`, closing those at that level or deeper;
    /// returns its id.
    pub fn open(&mut self, level: u8, number: Option<String>, heading: &str) -> String {
        self.close(level);
        let path: Vec<&str> = self
            .open
            .iter()
            .map(|o| o.number.as_str())
            .chain(number.as_deref())
            .collect();
        let words: Vec<&str> = heading.split_whitespace().take(6).collect();
        let mut id = slugify(&format!("{} {}", path.join(" "), words.join(" ")));
        if id.is_empty() {
            id = "muc".into();
        }
        let base = id.clone();
        let mut n = 1;
        while !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        let section = Section {
            id: id.clone(),
            number: number.clone(),
            heading: heading.to_string(),
            level,
            children: Vec::new(),
        };
        // Insert under the open parent.
        let mut list = &mut self.tree;
        for _ in 0..self.open.len() {
            if list.is_empty() {
                break;
            }
            let last = list.len() - 1;
            list = &mut list[last].children;
        }
        list.push(section);
        self.open.push(Open {
            level,
            number: number.unwrap_or_default(),
            id: id.clone(),
        });
        id
    }

    /// Closes the sections at `level` and deeper.
    pub fn close(&mut self, level: u8) {
        while self.open.last().is_some_and(|o| o.level >= level) {
            self.open.pop();
        }
    }

    /// Closes every section (an appendix starts the tree's last part).
    pub fn close_all(&mut self) {
        self.open.clear();
    }

    /// When an item numbered `number` follows the open section at `level`
    /// in its numbering (`4.` after the section `3.`), the section ends:
    /// closes it and returns true.
    pub fn close_before_sibling(&mut self, level: u8, number: &str) -> bool {
        let next = |n: &str| {
            let (head, last) = n.rsplit_once('.').unwrap_or(("", n));
            last.parse::<u32>().ok().map(|v| (head.to_string(), v + 1))
        };
        let Some(open) = self.open.iter().find(|o| o.level == level) else {
            return false;
        };
        let sibling = next(&open.number).is_some_and(|(head, v)| {
            let (h, n) = number.rsplit_once('.').unwrap_or(("", number));
            h == head && n.parse::<u32>().ok() == Some(v)
        });
        if sibling {
            self.close(level);
        }
        sibling
    }

    /// The level of the nearest open section that is not lettered (`a)`).
    pub fn numbered_level(&self) -> Option<u8> {
        let is_letter = |n: &str| n.chars().count() == 1 && n.chars().all(char::is_lowercase);
        self.open
            .iter()
            .rev()
            .find(|o| !is_letter(&o.number))
            .map(|o| o.level)
    }

    /// The headings of the open sections, outermost first.
    pub fn headings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut list = &self.tree;
        for _ in 0..self.open.len() {
            match list.last() {
                Some(s) => {
                    out.push(s.heading.clone());
                    list = &s.children;
                }
                None => break,
            }
        }
        out
    }

    /// The innermost open section's id.
    pub fn current_id(&self) -> Option<String> {
        self.open.last().map(|o| o.id.clone())
    }

    /// Whether the innermost open section has sections under it already.
    pub fn has_children(&self) -> bool {
        let mut list = &self.tree;
        for _ in 0..self.open.len() {
            match list.last() {
                Some(s) => list = &s.children,
                None => return false,
            }
        }
        !list.is_empty()
    }

    /// The finished tree.
    pub fn into_tree(self) -> Vec<Section> {
        self.tree
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sibling_item_closes_its_numbered_section() {
        let mut s = Sections::default();
        s.open(1, Some("C".into()), "NHIỆM VỤ");
        s.open(2, Some("3".into()), "Phân công cụ thể");
        s.open(3, Some("3.4".into()), "Phòng Văn hóa - Xã hội");
        assert!(!s.close_before_sibling(3, "3.4"));
        assert!(!s.close_before_sibling(2, "5"));
        assert!(s.close_before_sibling(2, "4"));
        assert_eq!(s.headings(), ["NHIỆM VỤ"]);
        s.open(2, Some("1".into()), "Công an xã");
        assert!(s.close_before_sibling(2, "2"));
    }
}

//! The sections of `content/` that loa gives a meaning to, by their folder.

/// The top-level folder a page or section is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SectionKind {
    /// `campaigns/`: a page per campaign, with its plan document.
    Campaigns,
    /// `guides/`: step-by-step how-to guides.
    Guides,
    /// `outreach/`: loudspeaker scripts, flyers, SMS texts, videos.
    Outreach,
    /// The home page and any other folder.
    Other,
}

impl SectionKind {
    /// The sections with a folder of their own.
    pub const KNOWN: [SectionKind; 3] = [
        SectionKind::Campaigns,
        SectionKind::Guides,
        SectionKind::Outreach,
    ];

    /// The folder under `content/` (`campaigns`); `` for [`SectionKind::Other`].
    pub fn folder(self) -> &'static str {
        match self {
            SectionKind::Campaigns => "campaigns",
            SectionKind::Guides => "guides",
            SectionKind::Outreach => "outreach",
            SectionKind::Other => "",
        }
    }

    /// The section of a folder name (`outreach` → [`SectionKind::Outreach`]).
    pub fn from_folder(folder: &str) -> SectionKind {
        SectionKind::KNOWN
            .into_iter()
            .find(|s| s.folder() == folder)
            .unwrap_or(SectionKind::Other)
    }

    /// The section of a content key, by its first folder: `campaigns/x` and
    /// `campaigns` are [`SectionKind::Campaigns`], `` (home) is `Other`.
    pub fn from_key(key: &str) -> SectionKind {
        SectionKind::from_folder(key.split('/').next().unwrap_or(""))
    }

    /// The key of a page of this section (`campaigns` and `x` → `campaigns/x`).
    pub fn key_of(self, name: &str) -> String {
        format!("{}/{name}", self.folder())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_by_their_first_folder() {
        assert_eq!(SectionKind::from_key("campaigns/x"), SectionKind::Campaigns);
        assert_eq!(SectionKind::from_key("campaigns"), SectionKind::Campaigns);
        assert_eq!(SectionKind::from_key("outreach/a/b"), SectionKind::Outreach);
        assert_eq!(SectionKind::from_key("guides/x"), SectionKind::Guides);
        assert_eq!(SectionKind::from_key("campaignsx/y"), SectionKind::Other);
        assert_eq!(SectionKind::from_key(""), SectionKind::Other);
        assert_eq!(SectionKind::from_key("x/campaigns"), SectionKind::Other);
        assert_eq!(SectionKind::Campaigns.key_of("x"), "campaigns/x");
    }
}

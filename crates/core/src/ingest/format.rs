//! The formats a submission comes in, and everything that depends on which one: the reader build
//! that reads it, and the extensions and MIME types that name it. The page's client (which reader
//! to start for a file), its file pickers' `accept` lists and `index.html` take them from here
//! (`tests/formats.rs` keeps `index.html` true to it). The format itself is always sniffed from the
//! bytes (`sniff`); a name only chooses which reader to try first.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
}

/// The page's reader comes in two builds: the light one, which a first check downloads, and the
/// full one (cargo feature `legacy-formats`), loaded only for the formats only it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReaderBuild {
    Light,
    Full,
}

impl ReaderBuild {
    /// The build this code is compiled as.
    pub const THIS: ReaderBuild = if cfg!(feature = "legacy-formats") {
        ReaderBuild::Full
    } else {
        ReaderBuild::Light
    };

    pub fn reads(self, format: Format) -> bool {
        format.reader() <= self
    }
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Xlsx,
        Format::Xlsb,
        Format::Xls,
        Format::Ods,
        Format::Csv,
    ];

    pub fn label(self) -> &'static str {
        self.extensions()[0]
    }

    /// The smallest reader build that reads it: .xlsx and .csv are nearly every submission.
    pub fn reader(self) -> ReaderBuild {
        match self {
            Format::Xlsx | Format::Csv => ReaderBuild::Light,
            Format::Xlsb | Format::Xls | Format::Ods => ReaderBuild::Full,
        }
    }

    /// The file-name extensions (lower case, no dot) that name it, its own first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Xlsx => &["xlsx", "xlsm"],
            Format::Xlsb => &["xlsb"],
            Format::Xls => &["xls"],
            Format::Ods => &["ods"],
            Format::Csv => &["csv", "tsv", "txt"],
        }
    }

    /// The MIME types browsers and mail programs give such a file.
    pub fn mime_types(self) -> &'static [&'static str] {
        match self {
            Format::Xlsx => &[
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-excel.sheet.macroEnabled.12",
            ],
            Format::Xlsb => &["application/vnd.ms-excel.sheet.binary.macroEnabled.12"],
            Format::Xls => &["application/vnd.ms-excel"],
            Format::Ods => &["application/vnd.oasis.opendocument.spreadsheet"],
            Format::Csv => &["text/csv", "text/tab-separated-values", "text/plain"],
        }
    }

    /// The format a file's name says, if any (only a hint: the bytes decide).
    pub fn named(file_name: &str) -> Option<Format> {
        let (_, extension) = file_name.rsplit_once('.')?;
        Format::ALL.into_iter().find(|format| {
            format
                .extensions()
                .iter()
                .any(|known| extension.eq_ignore_ascii_case(known))
        })
    }

    /// A file picker's `accept` list: every extension, then every MIME type.
    pub fn accept_list() -> String {
        let extensions = Format::ALL
            .iter()
            .flat_map(|f| f.extensions())
            .map(|e| format!(".{e}"));
        let mime_types = Format::ALL
            .iter()
            .flat_map(|f| f.mime_types())
            .map(|m| m.to_string());
        extensions.chain(mime_types).collect::<Vec<_>>().join(",")
    }

    pub fn is_zip(self) -> bool {
        matches!(self, Format::Xlsx | Format::Xlsb | Format::Ods)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_suggests_a_format_and_so_a_reader() {
        assert_eq!(Format::named("柯城区.XLSX"), Some(Format::Xlsx));
        assert_eq!(Format::named("a.b.xlsb"), Some(Format::Xlsb));
        assert_eq!(Format::named("导出.txt"), Some(Format::Csv));
        assert_eq!(Format::named("noextension"), None);
        assert_eq!(Format::named("plan.json"), None);
        let full: Vec<Format> = Format::ALL
            .into_iter()
            .filter(|f| !ReaderBuild::Light.reads(*f))
            .collect();
        assert_eq!(full, [Format::Xlsb, Format::Xls, Format::Ods]);
        assert!(Format::ALL.iter().all(|f| ReaderBuild::Full.reads(*f)));
    }

    #[test]
    fn the_accept_list_names_every_extension_once() {
        let accept = Format::accept_list();
        for format in Format::ALL {
            for extension in format.extensions() {
                assert_eq!(
                    accept.matches(&format!(".{extension},")).count(),
                    1,
                    "{extension}"
                );
            }
        }
        assert!(accept.contains(".xlsb"));
    }
}

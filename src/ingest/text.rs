//! CSV, TSV and plain-text tables: encoding detection, delimiter detection, quoted fields.

use super::value::RawCell;
use super::{Grid, IngestErrorKind, MAX_CELLS};
use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf16le,
    Utf16be,
    /// GBK files are GB18030 files: GB18030 is its superset.
    Gb18030,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16le => "UTF-16LE",
            TextEncoding::Utf16be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030/GBK",
        }
    }

    pub fn parse(name: &str) -> Option<TextEncoding> {
        match name.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "utf8" => Some(TextEncoding::Utf8),
            "utf16" | "utf16le" => Some(TextEncoding::Utf16le),
            "utf16be" => Some(TextEncoding::Utf16be),
            "gbk" | "gb2312" | "gb18030" | "cp936" => Some(TextEncoding::Gb18030),
            _ => None,
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Utf16le => UTF_16LE,
            TextEncoding::Utf16be => UTF_16BE,
            TextEncoding::Gb18030 => GB18030,
        }
    }
}

/// Decodes and splits a delimited text file into one grid named "CSV".
pub fn read_delimited(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<(Grid, TextEncoding), IngestErrorKind> {
    let (text, encoding) = decode(bytes, forced)?;
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for record in reader.records() {
        // The csv crate only fails on I/O or UTF-8 here; the text is already valid UTF-8.
        let Ok(record) = record else { break };
        cells += record.len();
        if cells > MAX_CELLS {
            return Err(IngestErrorKind::TooManyCells {
                cells: cells as u64,
                limit: MAX_CELLS,
            });
        }
        let mut row: Vec<RawCell> = record
            .iter()
            .map(|field| {
                if field.trim().is_empty() {
                    RawCell::Empty
                } else {
                    RawCell::Text(field.to_string())
                }
            })
            .collect();
        while row.last().is_some_and(RawCell::is_blank) {
            row.pop();
        }
        rows.push(row);
    }
    Ok((
        Grid {
            sheet_name: "CSV".into(),
            rows,
        },
        encoding,
    ))
}

/// BOM first; then strict UTF-8; then GB18030 (the default of Chinese Excel and WPS exports).
fn decode(
    bytes: &[u8],
    forced: Option<TextEncoding>,
) -> Result<(String, TextEncoding), IngestErrorKind> {
    if let Some(encoding) = forced {
        let (text, _, _) = encoding.encoding().decode(bytes);
        return Ok((text.into_owned(), encoding));
    }
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        let chosen = if encoding == UTF_16LE {
            TextEncoding::Utf16le
        } else if encoding == UTF_16BE {
            TextEncoding::Utf16be
        } else {
            TextEncoding::Utf8
        };
        let (text, _, had_errors) = encoding.decode(bytes);
        if had_errors {
            return Err(IngestErrorKind::UnknownEncoding);
        }
        return Ok((text.into_owned(), chosen));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), TextEncoding::Utf8));
    }
    match GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok((text.into_owned(), TextEncoding::Gb18030)),
        None => Err(IngestErrorKind::UnknownEncoding),
    }
}

/// Comma, tab or semicolon: the one that splits the most of the first lines the same way.
/// The Chinese comma "，" is text, never a delimiter.
fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for candidate in [b',', b'\t', b';'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, candidate))
            .collect();
        let lines_split = counts.iter().filter(|&&c| c > 0).count();
        let score = lines_split * 1000 + counts.iter().sum::<usize>().min(999);
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == delimiter && !quoted
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows
            .iter()
            .map(|r| r.iter().map(RawCell::display).collect())
            .collect()
    }

    #[test]
    fn gbk_csv_is_detected_and_decoded() {
        let (bytes, _, _) = GB18030.encode("指标名称,2023年\n婴儿死亡率,3.2\n");
        let (grid, encoding) = read_delimited(&bytes, None).unwrap();
        assert_eq!(encoding, TextEncoding::Gb18030);
        assert_eq!(texts(&grid)[1], ["婴儿死亡率", "3.2"]);
    }

    #[test]
    fn utf8_with_bom_and_quoted_line_breaks() {
        let text = "\u{feff}指标名称,2023年,备注\n\"婴儿\n死亡率\",3.2,\"含，逗号\"\n";
        let (grid, encoding) = read_delimited(text.as_bytes(), None).unwrap();
        assert_eq!(encoding, TextEncoding::Utf8);
        assert_eq!(texts(&grid)[0][0], "指标名称");
        assert_eq!(texts(&grid)[1], ["婴儿\n死亡率", "3.2", "含，逗号"]);
    }

    #[test]
    fn tab_and_semicolon_delimiters_and_chinese_commas() {
        let (grid, _) = read_delimited("指标\t2023年\n甲，乙\t1\n".as_bytes(), None).unwrap();
        assert_eq!(texts(&grid)[1], ["甲，乙", "1"]);
        let (grid, _) = read_delimited("指标;2023年\n甲;1,5\n".as_bytes(), None).unwrap();
        assert_eq!(texts(&grid)[1], ["甲", "1,5"]);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("指标\t2023年\n".encode_utf16().flat_map(u16::to_le_bytes));
        let (grid, encoding) = read_delimited(&bytes, None).unwrap();
        assert_eq!(encoding, TextEncoding::Utf16le);
        assert_eq!(texts(&grid)[0], ["指标", "2023年"]);
    }

    #[test]
    fn undecodable_bytes_are_refused_and_an_override_is_obeyed() {
        assert_eq!(
            read_delimited(&[0x80, 0xFF, 0x80, 0xFF], None).unwrap_err(),
            IngestErrorKind::UnknownEncoding
        );
        let (bytes, _, _) = GB18030.encode("婴儿死亡率");
        let (_, encoding) = read_delimited(&bytes, Some(TextEncoding::Utf8)).unwrap();
        assert_eq!(encoding, TextEncoding::Utf8);
    }
}

//! A plan's file as a [`Document`]: plain text (UTF-8, GB18030/GBK, UTF-16 with a BOM), a Word
//! .docx (its paragraphs, and its tables as tables so a key-indicator table keeps its columns) or
//! a saved web page (its text and `<table>`s). What cannot be read well (an old .doc, a PDF, an
//! image) is refused with what to do instead, never drafted wrong. The format is known by the
//! bytes; the file name only tells a web page from text.

use super::document::{first_line, Block, Document};
use super::DraftError;
use crate::ingest::{decode_text, IngestError};
use crate::Codecs;
use quick_xml::events::Event;

/// The largest plan file drafted: 5 MB, ten times a national plan with its tables as text; a
/// .docx's XML is further bounded by the zip guard's inflate limit.
pub const MAX_DRAFT_BYTES: usize = 5 * 1024 * 1024;

const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub fn read_document(
    bytes: &[u8],
    file_name: &str,
    codecs: &Codecs,
) -> Result<Document, DraftError> {
    let file = file_name.to_string();
    if bytes.len() > MAX_DRAFT_BYTES {
        return Err(DraftError::TooLarge {
            file,
            bytes: bytes.len() as u64,
            limit: MAX_DRAFT_BYTES,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(DraftError::Empty { file });
    }
    if bytes.starts_with(CFB_MAGIC) {
        return Err(DraftError::OldWord { file });
    }
    if bytes.starts_with(b"%PDF") {
        return Err(DraftError::Pdf { file });
    }
    if bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
    {
        return Err(DraftError::Image { file });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return read_docx(bytes, &file);
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && looks_binary(bytes) {
        return Err(DraftError::Binary { file });
    }
    let (text, _) = decode_text(bytes, None, codecs)
        .map_err(|_| DraftError::Encoding { file: file.clone() })?;
    if text.trim().is_empty() {
        return Err(DraftError::Empty { file });
    }
    let lower_name = file_name.to_ascii_lowercase();
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    let html = lower_name.ends_with(".html")
        || lower_name.ends_with(".htm")
        || head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<body");
    Ok(if html {
        read_html(&text)
    } else {
        Document::from_text(&text)
    })
}

/// NUL bytes or many control characters: no text file.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    sample.contains(&0) || controls * 100 > sample.len()
}

/// A .docx: the zip guard first (declared and real inflated sizes), then word/document.xml.
fn read_docx(bytes: &[u8], file: &str) -> Result<Document, DraftError> {
    let bad = |kind| {
        let error = IngestError::new(file, None, kind);
        DraftError::BadDocx {
            file: file.to_string(),
            zh: error.message_zh(),
            en: error.message_en(),
        }
    };
    crate::ingest::zip_guard::check(bytes).map_err(bad)?;
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| DraftError::BadDocx {
            file: file.to_string(),
            zh: format!("压缩包已损坏（{e}）"),
            en: format!("the archive is damaged ({e})"),
        })?;
    let Ok(mut entry) = archive.by_name("word/document.xml") else {
        return Err(DraftError::NotWord {
            file: file.to_string(),
        });
    };
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut entry, &mut xml).map_err(|e| DraftError::BadDocx {
        file: file.to_string(),
        zh: format!("word/document.xml 无法读取（{e}）"),
        en: format!("word/document.xml cannot be read ({e})"),
    })?;
    let blocks = docx_blocks(&xml);
    Ok(Document {
        title: first_line(&blocks),
        blocks,
    })
}

/// Paragraphs (w:p) as text blocks; a table (w:tbl) as rows (w:tr) of cells (w:tc), a cell's
/// paragraphs joined by a line break; a table inside a cell is read into the cell's text.
fn docx_blocks(xml: &str) -> Vec<Block> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let mut tables = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    let mut in_text = false;
    // The paragraph's heading level by its style (Heading1, 标题 1 = style “1” in Chinese Word),
    // and the headings counted so far: a heading Word numbers itself has no 一、 in its text.
    let mut heading_level: Option<u8> = None;
    let mut headings = HeadingCount::default();
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "tbl" => {
                    tables += 1;
                    if tables == 1 {
                        rows.clear();
                    }
                }
                "tr" if tables == 1 => rows.push(Vec::new()),
                "tc" if tables == 1 => cell = Some(String::new()),
                "t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => paragraph.push(' '),
                "br" | "cr" => paragraph.push('\n'),
                "pStyle" if tables == 0 => {
                    heading_level = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "val")
                        .and_then(|a| heading_style_level(&a.value));
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let text = std::mem::take(&mut paragraph);
                    match cell.as_mut() {
                        Some(c) if tables >= 1 => {
                            if !c.is_empty() && !text.trim().is_empty() {
                                c.push('\n');
                            }
                            c.push_str(text.trim());
                        }
                        _ => {
                            let text = text.trim();
                            if !text.is_empty() {
                                // The first paragraph is the document's title, whatever
                                // its style.
                                let text = match heading_level.take() {
                                    Some(level) if !blocks.is_empty() => {
                                        headings.numbered(level, text)
                                    }
                                    _ => text.to_string(),
                                };
                                blocks.push(Block::Text(text));
                            }
                        }
                    }
                }
                "tc" if tables == 1 => {
                    if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                        row.push(c);
                    }
                }
                "tbl" => {
                    tables = tables.saturating_sub(1);
                    if tables == 0 {
                        blocks.push(Block::Table(std::mem::take(&mut rows), Vec::new()));
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => push_entity(&r.xml10_content(), &mut paragraph),
            _ => {}
        }
    }
    blocks
}

/// A paragraph style's heading level: Heading1–Heading3 (Word, LibreOffice), 1–3 (the style ids
/// of 标题 1–3 in Chinese Word and WPS).
fn heading_style_level(style: &str) -> Option<u8> {
    let level = style
        .strip_prefix("Heading")
        .or_else(|| style.strip_prefix("heading"))
        .unwrap_or(style);
    match level {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        _ => None,
    }
}

/// Headings counted by level, to write the numeral Word shows but does not store.
#[derive(Default)]
struct HeadingCount {
    chapters: u32,
    parts: u32,
}

impl HeadingCount {
    /// The heading's text with its numeral (一、 for level 1, （一） for level 2) when the text
    /// has none of its own; a level-3 heading is left as it is.
    fn numbered(&mut self, level: u8, text: &str) -> String {
        let has_own = text.starts_with(|c: char| "一二三四五六七八九十第(（".contains(c));
        match level {
            1 => {
                self.chapters += 1;
                self.parts = 0;
                if has_own {
                    text.to_string()
                } else {
                    format!("{}、{text}", chinese_numeral(self.chapters))
                }
            }
            2 => {
                self.parts += 1;
                if has_own {
                    text.to_string()
                } else {
                    format!("（{}）{text}", chinese_numeral(self.parts))
                }
            }
            _ => text.to_string(),
        }
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九.
fn chinese_numeral(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = ((n / 10) as usize % 10, (n % 10) as usize);
    let mut out = String::new();
    if tens > 1 {
        out.push_str(DIGITS[tens]);
    }
    if tens > 0 {
        out.push('十');
    }
    if ones > 0 || tens == 0 {
        out.push_str(DIGITS[ones]);
    }
    out
}

/// An XML or HTML entity's text: &amp; &lt; &gt; &quot; &apos; &nbsp; &#21644; &#x548C;.
fn push_entity(name: &str, out: &mut String) {
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        "ldquo" => Some('“'),
        "rdquo" => Some('”'),
        "mdash" => Some('—'),
        "le" => Some('≤'),
        "ge" => Some('≥'),
        "permil" => Some('‰'),
        _ => name
            .strip_prefix("#x")
            .or_else(|| name.strip_prefix("#X"))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    };
    match c {
        Some(c) => out.push(c),
        None => {
            out.push('&');
            out.push_str(name);
            out.push(';');
        }
    }
}

/// A saved web page: its text by block elements, its `<table>`s as rows of cells; scripts and
/// styles dropped. A small tag reader (web pages are not XML), never a browser's.
fn read_html(html: &str) -> Document {
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    let mut tables = 0usize;
    let mut skip_until: Option<&'static str> = None;
    let mut title = String::new();
    let mut in_title = false;
    let mut rest = html;
    let flush = |text: &mut String, blocks: &mut Vec<Block>| {
        let t = collapse(text);
        if !t.is_empty() {
            blocks.push(Block::Text(t));
        }
        text.clear();
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(rest, cell.as_mut().unwrap_or(&mut text));
            break;
        };
        let (before, after) = rest.split_at(lt);
        if skip_until.is_none() {
            if in_title {
                push_text(before, &mut title);
            } else {
                push_text(
                    before,
                    cell.as_mut().filter(|_| tables > 0).unwrap_or(&mut text),
                );
            }
        }
        let Some(gt) = after.find('>') else { break };
        let tag = &after[1..gt];
        rest = &after[gt + 1..];
        if tag.starts_with("!--") {
            if let Some(end) = after.find("-->") {
                rest = &after[end + 3..];
            }
            continue;
        }
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("script", false) => skip_until = Some("script"),
            ("style", false) => skip_until = Some("style"),
            ("title", false) => in_title = true,
            ("title", true) => in_title = false,
            ("table", false) => {
                tables += 1;
                if tables == 1 {
                    flush(&mut text, &mut blocks);
                    rows.clear();
                }
            }
            ("table", true) if tables > 0 => {
                tables -= 1;
                if tables == 0 {
                    blocks.push(Block::Table(std::mem::take(&mut rows), Vec::new()));
                }
            }
            ("tr", false) if tables == 1 => rows.push(Vec::new()),
            ("td" | "th", false) if tables == 1 => cell = Some(String::new()),
            ("td" | "th", true) if tables == 1 => {
                if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                    row.push(collapse(&c));
                }
            }
            (
                "p" | "div" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "section"
                | "article",
                _,
            ) => match cell.as_mut().filter(|_| tables > 0) {
                Some(c) => c.push(' '),
                None => flush(&mut text, &mut blocks),
            },
            _ => {}
        }
    }
    flush(&mut text, &mut blocks);
    let title = collapse(&title);
    Document {
        title: if title.is_empty() {
            first_line(&blocks)
        } else {
            title
        },
        blocks,
    }
}

fn push_text(raw: &str, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match after.find(';').filter(|&semi| semi <= 10) {
            Some(semi) => {
                push_entity(&after[..semi], out);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Runs of white space as one space, trimmed (a web page breaks its lines anywhere).
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_page_keeps_its_tables_and_drops_its_scripts() {
        let doc = read_html(
            "<html><head><title>某市儿童发展规划</title><script>var a='<p>';</script></head><body><p>婴儿死亡率控制在5&permil;以下。</p><table><tr><th>序号</th><th>指标</th><th>2020年</th><th>2025年</th></tr><tr><td>1</td><td>托位数(个)</td><td>2.94</td><td>4.5</td></tr></table></body></html>",
        );
        assert_eq!(doc.title, "某市儿童发展规划");
        assert_eq!(
            doc.blocks[0],
            Block::Text("婴儿死亡率控制在5‰以下。".into())
        );
        assert!(
            matches!(&doc.blocks[1], Block::Table(rows, _) if rows[1] == ["1", "托位数(个)", "2.94", "4.5"])
        );
    }

    #[test]
    fn word_headings_numbered_by_word_get_their_numerals() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>某县规划</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t>主要目标</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>儿童与健康</w:t></w:r></w:p><w:p><w:r><w:t>婴儿死亡率控制在5‰以下。</w:t></w:r></w:p></w:body></w:document>"#;
        let blocks = docx_blocks(xml);
        assert_eq!(blocks[0], Block::Text("某县规划".into()));
        assert_eq!(blocks[1], Block::Text("一、主要目标".into()));
        assert_eq!(blocks[2], Block::Text("（一）儿童与健康".into()));
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(20), "二十");
    }

    #[test]
    fn word_xml_paragraphs_and_tables() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>规划</w:t></w:r><w:r><w:t xml:space="preserve"> A&amp;B</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>"#;
        let blocks = docx_blocks(xml);
        assert_eq!(blocks[0], Block::Text("规划 A&B".into()));
        assert_eq!(
            blocks[1],
            Block::Table(vec![vec!["序号".into(), "指标".into()]], Vec::new())
        );
    }
}

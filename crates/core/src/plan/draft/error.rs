//! Why a plan's text could not be drafted, in words a user can act on (Chinese first, English
//! twin), naming the file.

use std::fmt;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum DraftError {
    /// No text at all (an empty file, or only spaces).
    Empty {
        file: String,
    },
    /// Larger than [`super::MAX_DRAFT_BYTES`].
    TooLarge {
        file: String,
        bytes: u64,
        limit: usize,
    },
    /// An old Word .doc (OLE compound file).
    OldWord {
        file: String,
    },
    Pdf {
        file: String,
    },
    Image {
        file: String,
    },
    /// Bytes that are no text, no .docx and no web page.
    Binary {
        file: String,
    },
    /// A zip that is not a Word document (a spreadsheet, a presentation …).
    NotWord {
        file: String,
    },
    /// A .docx that cannot be read: damaged, or a zip bomb the guard stopped; `zh`/`en` say how.
    BadDocx {
        file: String,
        zh: String,
        en: String,
    },
    /// Text in no encoding the drafter reads.
    Encoding {
        file: String,
    },
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for DraftError {}

impl DraftError {
    fn file(&self) -> &str {
        match self {
            DraftError::Empty { file }
            | DraftError::TooLarge { file, .. }
            | DraftError::OldWord { file }
            | DraftError::Pdf { file }
            | DraftError::Image { file }
            | DraftError::Binary { file }
            | DraftError::NotWord { file }
            | DraftError::BadDocx { file, .. }
            | DraftError::Encoding { file } => file,
        }
    }

    pub fn message_zh(&self) -> String {
        let file = if self.file().is_empty() {
            "规划文本".to_string()
        } else {
            format!("“{}”", self.file())
        };
        match self {
            DraftError::Empty { .. } => format!("{file}是空的：请粘贴或选择规划全文。"),
            DraftError::TooLarge { bytes, limit, .. } => format!(
                "{file}有 {bytes} 字节，超过起草上限 {limit} 字节：请只保留规划正文和指标表。"
            ),
            DraftError::OldWord { .. } => format!(
                "{file}是旧版 Word 文档（.doc），无法直接读取：请在 Word 或 WPS 中“另存为” .docx，或复制全文粘贴。"
            ),
            DraftError::Pdf { .. } => format!(
                "{file}是 PDF 文档，无法可靠读取其中的文字和表格：请用原 Word 文件（.docx）或网页，或复制全文粘贴。"
            ),
            DraftError::Image { .. } => format!(
                "{file}是图片，其中没有可读的文字：请用规划的 Word 文件（.docx）或网页，或把文字复制粘贴。"
            ),
            DraftError::Binary { .. } => format!(
                "{file}不是文本、Word（.docx）或网页文件：请另存为 .docx，或复制全文粘贴。"
            ),
            DraftError::NotWord { .. } => format!(
                "{file}是压缩包但不是 Word 文档（.docx）：请选择规划的 Word 文件，或复制全文粘贴。"
            ),
            DraftError::BadDocx { zh, .. } => format!("{file}无法作为 Word 文档读取：{zh}"),
            DraftError::Encoding { .. } => format!(
                "{file}的文字编码无法识别（不是 UTF-8、UTF-16 或 GB18030/GBK）：请另存为 UTF-8 文本，或复制全文粘贴。"
            ),
        }
    }

    pub fn message_en(&self) -> String {
        let file = if self.file().is_empty() {
            "The plan text".to_string()
        } else {
            format!("\"{}\"", self.file())
        };
        match self {
            DraftError::Empty { .. } => format!("{file} is empty: paste or pick the plan's full text."),
            DraftError::TooLarge { bytes, limit, .. } => format!(
                "{file} has {bytes} bytes, over the drafter's limit of {limit}: keep only the plan's text and its indicator table."
            ),
            DraftError::OldWord { .. } => format!(
                "{file} is an old Word document (.doc), which cannot be read: save it as .docx in Word or WPS, or copy its text and paste it."
            ),
            DraftError::Pdf { .. } => format!(
                "{file} is a PDF, whose text and tables cannot be read reliably: use the Word file (.docx) or the web page, or copy the text and paste it."
            ),
            DraftError::Image { .. } => format!(
                "{file} is an image, with no text to read: use the plan's Word file (.docx) or web page, or copy its text and paste it."
            ),
            DraftError::Binary { .. } => format!(
                "{file} is not text, a Word document (.docx) or a web page: save it as .docx, or copy its text and paste it."
            ),
            DraftError::NotWord { .. } => format!(
                "{file} is a zip archive but not a Word document (.docx): pick the plan's Word file, or copy its text and paste it."
            ),
            DraftError::BadDocx { en, .. } => format!("{file} cannot be read as a Word document: {en}"),
            DraftError::Encoding { .. } => format!(
                "{file} is in an encoding the drafter cannot read (not UTF-8, UTF-16 or GB18030/GBK): save it as UTF-8 text, or copy its text and paste it."
            ),
        }
    }
}

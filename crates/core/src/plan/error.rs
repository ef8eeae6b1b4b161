//! Why a plan file was refused.

use super::PLAN_SCHEMA;
use std::fmt;

/// Why a plan file was refused: which entry, which field, what was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// Not JSON, or a field of the wrong type or name: the parser's (English) message, and the
    /// line and column it stopped at when it gives them.
    Syntax {
        message: String,
        at: Option<(usize, usize)>,
    },
    WrongSchema {
        found: String,
    },
    Invalid {
        entry: String,
        field: &'static str,
        expected: String,
    },
    /// A plausibility check that cannot be used; the plan loads without it.
    CheckDropped {
        entry: String,
        field: &'static str,
        expected: String,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for PlanError {}

impl PlanError {
    pub fn message_zh(&self) -> String {
        match self {
            PlanError::Syntax { message, at } => {
                let place = at
                    .map(|(line, column)| format!("第 {line} 行第 {column} 列附近"))
                    .unwrap_or_default();
                format!("规划文件{place}不是有效的规划 JSON：{}", syntax_in_chinese(message))
            }
            PlanError::WrongSchema { found } => {
                format!("规划文件的 schema 应为 “{PLAN_SCHEMA}”，实际为 “{found}”")
            }
            PlanError::Invalid {
                entry,
                field,
                expected,
            } => {
                format!("规划文件中 {entry} 的字段 {field} 有误：应为{expected}")
            }
            PlanError::CheckDropped {
                entry,
                field,
                expected,
            } => format!(
                "规划文件中 {entry} 的字段 {field} 有误：应为{expected}。该条核对规则未使用，规划的其余内容照常使用"
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            PlanError::Syntax { message, .. } => {
                format!("The plan file is not valid plan JSON: {message}")
            }
            PlanError::WrongSchema { found } => {
                format!("The plan file's schema must be \"{PLAN_SCHEMA}\", found \"{found}\"")
            }
            PlanError::Invalid {
                entry,
                field,
                expected,
            } => {
                format!(
                    "In the plan file, field `{field}` of {entry} is wrong: expected {expected}"
                )
            }
            PlanError::CheckDropped {
                entry,
                field,
                expected,
            } => format!(
                "In the plan file, field `{field}` of {entry} is wrong: expected {expected}. That check is not used; the rest of the plan is"
            ),
        }
    }
}

/// What serde_json's message says, in Chinese words an official can act on; the field it names
/// is kept as written.
fn syntax_in_chinese(message: &str) -> String {
    let named = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    if let Some(field) = named("missing field `") {
        format!("缺少字段 {field}")
    } else if let Some(field) = named("unknown field `") {
        format!("有规划文件不认识的字段 {field}")
    } else if let Some(value) = named("unknown variant `") {
        format!("取值 {value} 不是允许的取值")
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        "某个字段的类型不对（例如应为数字却写成了文字）".to_string()
    } else if message.starts_with("EOF") {
        "文件在中途结束了，括号或引号不完整".to_string()
    } else {
        "括号、引号或逗号的写法有误".to_string()
    }
}

//! The plan drafter on real plan texts: the project's own source text against the built-in
//! catalogue (which the drafter never sees), the real texts of `tests/fixtures/plantexts/`, a
//! .docx with a real Word table, and a drafted plan used to check a real submission.

use duibiao_core::check::{check, CheckOptions};
use duibiao_core::numbers::trim_float;
use duibiao_core::plan::draft::{draft_file, Draft, DraftError};
use duibiao_core::plan::{Indicator, Op, Plan};
use duibiao_core::Codecs;

const SOURCE: &str = "tests/source/quzhou-plan-notice-2021.txt";
const CATALOGUE: &str = "static/plans/quzhou-children-2021-2025.json";
const PLANTEXTS: &str = "tests/fixtures/plantexts";

fn draft_path(path: &str) -> Draft {
    let bytes = std::fs::read(path).expect("fixture present");
    draft_file(&bytes, path, &Codecs::OWN).expect("drafts")
}

/// Half-width, no spaces: how a figure is looked for in its quote.
fn plain(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The figures an indicator states, each with the text it must stand in.
fn figures_and_quotes(indicator: &Indicator) -> Vec<(f64, String)> {
    let quote = indicator.source.quote.clone();
    let mut out: Vec<(f64, String)> = Vec::new();
    out.extend(indicator.target.value.map(|v| (v, quote.clone())));
    out.extend(indicator.target.upper.map(|v| (v, quote.clone())));
    if let Some(base) = &indicator.baseline {
        out.push((
            base.value,
            base.quote.clone().unwrap_or_else(|| quote.clone()),
        ));
    }
    out
}

/// A figure stands in its quote as written (98 for “98.00%” too: a trailing zero is the same figure).
fn stands_in(value: f64, quote: &str) -> bool {
    let quote = plain(quote);
    let figure = trim_float(value);
    quote.contains(&figure)
        || [".0", ".00"]
            .iter()
            .any(|z| quote.contains(&format!("{figure}{z}")))
}

fn assert_every_figure_in_its_quote(draft: &Draft, what: &str) {
    for indicator in &draft.plan.indicators {
        for (value, quote) in figures_and_quotes(indicator) {
            assert!(
                stands_in(value, &quote),
                "{what}: {} drafted {value}, not in its quote “{quote}”",
                indicator.name
            );
        }
        assert!(!indicator.source.quote.trim().is_empty());
    }
}

fn every_text() -> Vec<String> {
    let mut paths = vec![SOURCE.to_string()];
    for entry in std::fs::read_dir(PLANTEXTS).expect("plantexts") {
        let path = entry.expect("entry").path();
        if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "docx" | "html")
        ) {
            paths.push(path.to_string_lossy().into_owned());
        }
    }
    paths
}

#[test]
fn no_drafted_figure_is_absent_from_its_quote_in_any_text() {
    for path in every_text() {
        let draft = draft_path(&path);
        assert_every_figure_in_its_quote(&draft, &path);
        // Quotes are verbatim: each stands in the text as the file has it.
        if path.ends_with(".txt") {
            let text = std::fs::read_to_string(&path).expect("utf-8 fixture");
            // The project's own check of a plan file against its text (`duibiao plan --source`):
            // quotes verbatim, target words and figures (and a yearly fall's base year) in their
            // quote, the plan's end year, no name shared by two indicators.
            let problems = draft.plan.check_against_source(&text);
            assert!(problems.is_empty(), "{path}: {problems:#?}");
            for indicator in &draft.plan.indicators {
                assert!(
                    text.contains(&indicator.source.quote),
                    "{path}: quote not verbatim: {}",
                    indicator.source.quote
                );
            }
            for excluded in &draft.plan.excluded {
                assert!(text.contains(&excluded.quote), "{path}: {}", excluded.quote);
            }
        }
    }
}

/// The catalogue's indicator found in the draft: a drafted target whose quote overlaps the
/// catalogue's quote, with the same comparator, figure(s) and base; or why not.
fn find_in_draft<'a>(wanted: &Indicator, draft: &'a Draft) -> Result<&'a Indicator, String> {
    let overlaps = |d: &&Indicator| {
        let (a, b) = (plain(&d.source.quote), plain(&wanted.source.quote));
        a.contains(&b) || b.contains(&a)
    };
    let candidates: Vec<&Indicator> = draft.plan.indicators.iter().filter(overlaps).collect();
    if candidates.is_empty() {
        return Err("no drafted target quotes its sentence".into());
    }
    let same_target = |d: &&&Indicator| {
        d.target.op == wanted.target.op
            && d.target.value == wanted.target.value
            && d.target.upper == wanted.target.upper
    };
    let Some(found) = candidates.iter().find(same_target) else {
        let seen: Vec<String> = candidates
            .iter()
            .map(|d| format!("{} {} {:?}", d.name, d.target.op.code(), d.target.value))
            .collect();
        return Err(format!("quoted, but drafted as {}", seen.join("; ")));
    };
    let base = |i: &Indicator| i.baseline.as_ref().map(|b| b.value);
    if base(found) != base(wanted) {
        return Err(format!(
            "base {:?}, the catalogue's {:?}",
            base(found),
            base(wanted)
        ));
    }
    Ok(found)
}

#[test]
fn the_source_text_drafts_at_least_42_of_the_catalogues_44_indicators() {
    let catalogue =
        Plan::from_json(&std::fs::read_to_string(CATALOGUE).expect("catalogue")).expect("loads");
    let draft = draft_path(SOURCE);
    let mut found = 0;
    for wanted in &catalogue.indicators {
        match find_in_draft(wanted, &draft) {
            Ok(_) => found += 1,
            Err(why) => println!("missed {} ({}): {why}", wanted.id, wanted.name),
        }
    }
    println!("drafted {found} of {}", catalogue.indicators.len());
    assert_eq!(catalogue.indicators.len(), 44);
    assert!(found >= 42, "{found} of 44");
    assert_eq!(
        (draft.plan.period.start, draft.plan.period.end),
        (2021, 2025)
    );
    assert!(
        draft.plan.regions.is_empty(),
        "the region is asked for, not guessed"
    );
}

#[test]
fn ids_are_stable_across_redrafts_and_unrelated_edits() {
    let text = std::fs::read_to_string(SOURCE).expect("source");
    let ids = |text: &str| -> Vec<(String, String)> {
        draft_file(text.as_bytes(), "plan.txt", &Codecs::OWN)
            .expect("drafts")
            .plan
            .indicators
            .into_iter()
            .map(|i| (i.id, i.name))
            .collect()
    };
    let first = ids(&text);
    assert_eq!(first, ids(&text));
    // A sentence with a figure added early on does not move any other indicator's id.
    let edited = text.replacen(
        "(二)儿童与健康。",
        "(二)儿童与健康。孕产妇死亡率控制在8/10万以下。",
        1,
    );
    let second = ids(&edited);
    for (id, name) in &first {
        assert!(second.contains(&(id.clone(), name.clone())), "{name} moved");
    }
}

#[test]
fn a_monitoring_report_drafts_no_target_and_leaves_every_figure_out_with_why() {
    let draft = draft_path(&format!("{PLANTEXTS}/monitoring-report-2022-excerpt.txt"));
    assert!(
        draft.plan.indicators.is_empty(),
        "{:?}",
        draft.plan.indicators
    );
    // The three sentences with figures (the title aside), each with its reason.
    assert!(draft.plan.excluded.len() >= 3, "{:?}", draft.plan.excluded);
    assert!(draft
        .plan
        .excluded
        .iter()
        .any(|e| e.quote.contains("均保持在90%以上") && e.reason.contains("2022")));
}

#[test]
fn plan_openings_give_qualitative_goals_only_and_their_period() {
    let draft = draft_path(&format!("{PLANTEXTS}/zhejiang-plans-2021-opening.txt"));
    assert_eq!(
        (draft.plan.period.start, draft.plan.period.end),
        (2021, 2025)
    );
    assert!(draft
        .plan
        .indicators
        .iter()
        .all(|i| i.target.op == Op::Qualitative && i.target.value.is_none()));
    assert!(draft
        .plan
        .indicators
        .iter()
        .any(|i| i.target.text == "达到国内领先水平"));
}

#[test]
fn a_word_document_with_a_real_table_keeps_its_columns() {
    let draft = draft_path(&format!("{PLANTEXTS}/county-plan-table.docx"));
    let by_name = |name: &str| {
        draft
            .plan
            .indicators
            .iter()
            .find(|i| i.name == name)
            .unwrap_or_else(|| panic!("{name} drafted: {:?}", draft.plan.indicators))
    };
    let infant = by_name("婴儿死亡率");
    assert_eq!(infant.target.op.code(), "<=");
    assert_eq!(infant.target.value, Some(4.5));
    assert_eq!(infant.baseline.as_ref().map(|b| b.value), Some(5.2));
    assert_eq!(infant.unit, "‰");
    let kept = by_name("九年义务教育巩固率");
    assert_eq!(kept.target.value, Some(100.0));
    assert_eq!(kept.kind, duibiao_core::plan::Kind::Maintain);
    let nursery = by_name("每千人口拥有3岁以下婴幼儿托位数");
    assert_eq!(nursery.target.op.code(), ">=");
    assert_eq!(nursery.target.value, Some(4.5));
    // The paragraphs are read too.
    assert!(draft
        .plan
        .indicators
        .iter()
        .any(|i| i.name == "孕产妇死亡率" && i.target.op == Op::About));
    assert_every_figure_in_its_quote(&draft, "docx");
}

#[test]
fn files_that_cannot_be_drafted_say_what_to_do() {
    let cases: [(&[u8], &str); 5] = [
        (b"", "empty.txt"),
        (
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            "plan.doc",
        ),
        (b"%PDF-1.7\n...", "plan.pdf"),
        (b"\x89PNG\r\n\x1a\n\0\0", "plan.png"),
        (&[0u8, 1, 2, 3, 255, 254, 0, 7, 8, 0], "plan.txt"),
    ];
    for (bytes, name) in cases {
        let error = draft_file(bytes, name, &Codecs::OWN).expect_err(name);
        assert!(error.message_zh().contains(name), "{}", error.message_zh());
        assert!(!error.message_en().is_empty());
    }
    let doc = draft_file(
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        "a.doc",
        &Codecs::OWN,
    );
    assert!(matches!(doc, Err(DraftError::OldWord { .. })));
    assert!(doc.unwrap_err().message_zh().contains(".docx"));
    // A zip bomb named .docx is stopped by the zip guard, with its limit in the message.
    let bomb = std::fs::read("tests/fixtures/bad/bomb.xlsx").expect("bomb fixture");
    let error = draft_file(&bomb, "bomb.docx", &Codecs::OWN).expect_err("bomb");
    assert!(matches!(error, DraftError::BadDocx { .. }), "{error:?}");
    // A spreadsheet is no Word document.
    let xlsx = std::fs::read("tests/fixtures/long-kecheng-2023.xlsx").expect("xlsx fixture");
    assert!(matches!(
        draft_file(&xlsx, "x.docx", &Codecs::OWN),
        Err(DraftError::NotWord { .. })
    ));
}

#[test]
fn gbk_and_utf16_text_draft_as_utf8_does() {
    let text = "某县儿童发展“十四五”规划\n一、主要目标\n1.婴儿死亡率控制在4.5‰以下。\n";
    let utf8 = draft_file(text.as_bytes(), "a.txt", &Codecs::OWN).expect("utf-8");
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    let from_gbk = draft_file(&gbk, "a.txt", &Codecs::OWN).expect("gbk");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let from_utf16 = draft_file(&utf16, "a.txt", &Codecs::OWN).expect("utf-16");
    assert_eq!(utf8.plan.indicators, from_gbk.plan.indicators);
    assert_eq!(utf8.plan.indicators, from_utf16.plan.indicators);
    assert_eq!(utf8.plan.indicators.len(), 1);
}

#[test]
fn a_drafted_plan_loads_as_a_plan_file_and_checks_a_real_submission() {
    let draft = draft_path(SOURCE);
    let json = draft.plan.to_json().expect("serialises");
    let plan = Plan::from_json(&json).expect("a drafted plan passes the plan loader's validation");
    assert_eq!(plan.indicators.len(), draft.plan.indicators.len());
    let bytes = std::fs::read("static/plans/samples/kecheng-2023.xlsx").expect("sample");
    let report = check("kecheng-2023.xlsx", &bytes, &plan, &CheckOptions::default())
        .expect("the sample reads against the drafted plan");
    let matched: std::collections::HashSet<&str> = report
        .results
        .iter()
        .map(|r| r.indicator_id.as_str())
        .collect();
    let rows = matched.len() + report.unmatched.len();
    println!(
        "{} of the sample's {} indicator rows matched a drafted target",
        matched.len(),
        rows
    );
    assert!(matched.len() * 2 >= rows, "{} of {rows}", matched.len());
}

/// Every file the readers are tested on (spreadsheets, bombs, damaged zips, images, calamine's
/// corpus) is drafted or refused, never a panic.
#[test]
fn every_fixture_and_corpus_file_is_drafted_or_refused_without_panicking() {
    let mut dirs = vec![
        std::path::PathBuf::from("tests/fixtures"),
        std::path::PathBuf::from("tests/corpus/calamine"),
    ];
    let mut files = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("test directory") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let bytes = std::fs::read(&path).expect("readable");
            let name = path.to_string_lossy().into_owned();
            let result = std::panic::catch_unwind(|| draft_file(&bytes, &name, &Codecs::OWN));
            assert!(result.is_ok(), "panicked on {name}");
            files += 1;
        }
    }
    assert!(files > 100, "{files} files");
}

#[test]
fn a_saved_web_page_drafts_its_text_and_its_table() {
    let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>某县儿童发展“十四五”规划_某县人民政府</title>
<style>p{margin:0}</style></head><body><div class="nav">首页 &gt; 政策文件</div>
<p>一、主要目标</p><p>到2025年，新生儿、婴儿和5岁以下儿童死亡率分别控制在2.5&permil;、4.5&permil;和5.5&permil;以下。</p>
<p>重点指标</p><table><tr><th>序号</th><th>指标</th><th>单位</th><th>2020年</th><th>2025年</th></tr>
<tr><td>1</td><td>每千人口拥有3岁以下婴幼儿托位数</td><td>个</td><td>2.1</td><td>4.5</td></tr></table>
<script>document.write("达到99%")</script></body></html>"#;
    let draft = draft_file(page.as_bytes(), "plan.html", &Codecs::OWN).expect("a web page drafts");
    let plan = &draft.plan;
    assert_eq!(plan.title, "某县儿童发展“十四五”规划_某县人民政府");
    assert_eq!((plan.period.start, plan.period.end), (2021, 2025));
    let names: Vec<&str> = plan.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "新生儿死亡率",
            "婴儿死亡率",
            "5岁以下儿童死亡率",
            "每千人口拥有3岁以下婴幼儿托位数"
        ]
    );
    let nursery = &plan.indicators[3];
    assert_eq!(
        (nursery.unit.as_str(), nursery.target.value),
        ("个", Some(4.5))
    );
    assert_eq!(nursery.baseline.as_ref().map(|b| b.value), Some(2.1));
    assert_every_figure_in_its_quote(&draft, "html");
}

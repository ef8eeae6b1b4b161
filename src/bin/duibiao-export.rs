//! The page's writer, a web worker started only when the user asks for a workbook (the .xlsx
//! report or the blank template) or loads a plan file: it does the [`duibiao_core::protocol::ExportJob`]
//! (a file to make, a plan file to read) and posts the result back. Kept apart from the readers
//! so that a first check downloads neither the .xlsx writer nor a plan-file reader.

#[cfg(target_arch = "wasm32")]
fn main() {
    use duibiao::web::codecs::WRITER;
    use duibiao::web::worker::{bytes_at, post_reply, serve};
    use duibiao_core::protocol::{decode, ExportJob, Response};

    serve(|data| {
        // A plan file comes as two strings (`WorkerClient::load_plan`), a workbook as a job.
        let string = |key: &str| js_sys::Reflect::get(&data, &key.into()).ok()?.as_string();
        let plan_file = string("plan_text").map(|text| ExportJob::ReadPlan {
            source: string("plan_source").unwrap_or_default(),
            text,
        });
        // A plan's text to draft comes as its bytes and its name (`WorkerClient::draft_plan`).
        let draft = bytes_at(&data, "draft_bytes").map(|bytes| ExportJob::DraftPlan {
            source: string("draft_source").unwrap_or_default(),
            bytes,
        });
        let job = plan_file
            .or(draft)
            .or_else(|| bytes_at(&data, "job").and_then(|job| decode::<ExportJob>(&job).ok()));
        post_reply(match job {
            Some(job) => job.run(&WRITER),
            None => (
                Response::ExportFailed {
                    message: "无法读取导出请求 the export request could not be read".into(),
                },
                None,
            ),
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

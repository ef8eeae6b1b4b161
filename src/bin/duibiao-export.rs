//! The page's writer, a web worker started only when the user asks for a workbook (the .xlsx
//! report or the blank template): it makes the file an [`duibiao_core::protocol::ExportJob`] describes
//! and posts it back. Kept apart from the reader so that a first check never downloads the
//! .xlsx writer.

#[cfg(target_arch = "wasm32")]
fn main() {
    use duibiao::web::codecs::BROWSER;
    use duibiao::web::worker::{bytes_at, post_reply, serve};
    use duibiao_core::protocol::{decode, ExportJob, Response};

    serve(|data| {
        let job = bytes_at(&data, "job").and_then(|job| decode::<ExportJob>(&job).ok());
        post_reply(match job {
            Some(job) => job.run(&BROWSER),
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

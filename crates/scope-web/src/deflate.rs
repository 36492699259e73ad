//! Raw deflate (RFC 1951) by the browser's own `CompressionStream` and `DecompressionStream`,
//! for share links. Every current browser has them; a deflate compiled into the bundle would be
//! 24 KB of wasm. scope-core defines what is deflated and checks what comes out.

use js_sys::futures::JsFuture;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{
    Blob, ReadableStream, ReadableStreamDefaultReader, ReadableWritablePair, WritableStream,
};

// Bound by hand: web-sys marks these classes unstable (behind a cfg flag) although browsers
// have shipped them for years.
#[wasm_bindgen]
extern "C" {
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &CompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &CompressionStream) -> WritableStream;

    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> WritableStream;
}

/// Why no bytes came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The browser has no (de)compression streams.
    Unsupported,
    /// The input is not raw deflate data, or is cut short.
    Damaged,
    /// The output passed the limit; reading stopped there.
    TooLarge,
}

/// `bytes` deflated.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, Failure> {
    let stream = CompressionStream::new("deflate-raw").map_err(|_| Failure::Unsupported)?;
    let pair = ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_all(source(bytes)?.pipe_through(&pair), usize::MAX).await
}

/// `bytes` inflated, stopping (and saying so) past `limit` bytes: a small link cannot make the
/// page hold a large expansion.
pub async fn inflate(bytes: &[u8], limit: usize) -> Result<Vec<u8>, Failure> {
    let stream = DecompressionStream::new("deflate-raw").map_err(|_| Failure::Unsupported)?;
    let pair = ReadableWritablePair::new(&stream.readable(), &stream.writable());
    read_all(source(bytes)?.pipe_through(&pair), limit).await
}

fn source(bytes: &[u8]) -> Result<ReadableStream, Failure> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    Blob::new_with_u8_array_sequence(&parts)
        .map(|blob| blob.stream())
        .map_err(|_| Failure::Unsupported)
}

async fn read_all(stream: ReadableStream, limit: usize) -> Result<Vec<u8>, Failure> {
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Failure::Damaged)?;
        let done = Reflect::get(&chunk, &"done".into()).map_err(|_| Failure::Damaged)?;
        if done.as_bool() == Some(true) {
            return Ok(out);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .map_err(|_| Failure::Damaged)?
            .unchecked_into();
        if out.len() + value.length() as usize > limit {
            let _ = reader.cancel();
            return Err(Failure::TooLarge);
        }
        let start = out.len();
        out.resize(start + value.length() as usize, 0);
        value.copy_to(&mut out[start..]);
    }
}

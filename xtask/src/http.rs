//! HTTP/1.1 for `serve`: a thread for each connection, keep-alive, GET and HEAD only, requests
//! parsed by httparse.
//!
//! Not tiny_http, which served here until issue #21: its thread pool loses a wake-up when two
//! connections arrive together (the second task waits in the queue, unread, until some other
//! connection closes), and a browser opens six at once. Requests sat unanswered with their bytes
//! in the socket's receive queue: the end-to-end tests' intermittent "stalled request" misses.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::time::Duration;

/// What a request asks: its method, path (with the query), and the headers the site reads.
pub struct Request {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// A header's value, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What the site answers.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// The largest request head read (request line and headers); larger ones get a 431.
const MAX_HEAD: usize = 32 * 1024;
/// How long an idle keep-alive connection is kept open, and how long a client may take to
/// accept a reply's bytes before the connection is dropped.
const IDLE: Duration = Duration::from_secs(30);
/// The largest request body read (and dropped) to keep a connection; larger ones end it.
const MAX_BODY: u64 = 1024 * 1024;

/// Listens on 127.0.0.1:`port` (0: a free one) and answers every request with `answer`, on a
/// background thread.
pub fn listen(
    port: u16,
    answer: impl Fn(&Request) -> Reply + Send + Sync + 'static,
) -> Result<(SocketAddr, std::thread::JoinHandle<()>), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port N)"))?;
    let addr = listener
        .local_addr()
        .map_err(|e| format!("the server has no address: {e}"))?;
    let answer = Arc::new(answer);
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().filter_map(Result::ok) {
            let answer = Arc::clone(&answer);
            std::thread::spawn(move || {
                // The client may go away at any point; nothing to do about it.
                let _ = connection(stream, &*answer);
            });
        }
    });
    Ok((addr, handle))
}

fn connection(stream: TcpStream, answer: &dyn Fn(&Request) -> Reply) -> std::io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    // A client that stops reading must not hold its thread forever.
    stream.set_write_timeout(Some(IDLE))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let head = match read_head(&mut reader)? {
            Head::Complete(head) => head,
            Head::Closed => return Ok(()),
            Head::TooLarge => {
                return write_reply(&mut writer, &status_only(431), false, Some("close"));
            }
            Head::Cut => return write_reply(&mut writer, &status_only(400), false, Some("close")),
        };
        let mut headers = [httparse::EMPTY_HEADER; 64];
        let mut parsed = httparse::Request::new(&mut headers);
        let Ok(httparse::Status::Complete(_)) = parsed.parse(&head) else {
            return write_reply(&mut writer, &status_only(400), false, Some("close"));
        };
        let request = Request {
            method: parsed.method.unwrap_or("").to_string(),
            target: parsed.path.unwrap_or("/").to_string(),
            headers: parsed
                .headers
                .iter()
                .map(|h| {
                    (
                        h.name.to_string(),
                        String::from_utf8_lossy(h.value).into_owned(),
                    )
                })
                .collect(),
        };
        let http10 = parsed.version == Some(0);
        // A list of tokens (RFC 9110, 7.6.1), case-insensitive.
        let token = |name: &str| {
            request.headers.iter().any(|(n, v)| {
                n.eq_ignore_ascii_case("connection")
                    && v.split(',').any(|t| t.trim().eq_ignore_ascii_case(name))
            })
        };
        let keep_alive = if http10 {
            token("keep-alive")
        } else {
            !token("close")
        };
        // The body, if any, is read and dropped before the answer, so that the client is not
        // reset while it still sends; one that is too large, chunked or ambiguous ends the
        // connection (RFC 9112, 6.3: differing lengths are an error).
        let lengths: Vec<&str> = request
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.trim())
            .collect();
        let length = match lengths.as_slice() {
            [] => Some(0),
            [first, rest @ ..] if rest.iter().all(|l| l == first) => first.parse::<u64>().ok(),
            _ => None,
        };
        let Some(length) = length else {
            return write_reply(&mut writer, &status_only(400), false, Some("close"));
        };
        let chunked = request.header("transfer-encoding").is_some();
        let readable = !chunked && length <= MAX_BODY;
        if readable && length > 0 {
            let read = std::io::copy(&mut reader.by_ref().take(length), &mut std::io::sink())?;
            if read < length {
                return Ok(());
            }
        }
        let reply = match request.method.as_str() {
            "GET" | "HEAD" => answer(&request),
            _ => status_only(405),
        };
        let head_only = request.method == "HEAD";
        let close = !keep_alive || !readable;
        let connection = match (close, http10) {
            (true, _) => Some("close"),
            (false, true) => Some("keep-alive"),
            (false, false) => None,
        };
        write_reply(&mut writer, &reply, head_only, connection)?;
        if close {
            // The client may still be sending what was not read: stop writing, let it finish,
            // then close, so that it reads the answer rather than a reset.
            let _ = writer.shutdown(std::net::Shutdown::Write);
            let _ = writer.set_read_timeout(Some(Duration::from_secs(1)));
            let _ = std::io::copy(&mut reader.take(MAX_BODY), &mut std::io::sink());
            return Ok(());
        }
    }
}

enum Head {
    Complete(Vec<u8>),
    Closed,
    TooLarge,
    /// The client closed in the middle of a head.
    Cut,
}

/// Reads up to the blank line that ends a request's head.
fn read_head(reader: &mut BufReader<TcpStream>) -> std::io::Result<Head> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let n = reader
            .by_ref()
            .take((MAX_HEAD + 1 - head.len()) as u64)
            .read_until(b'\n', &mut head)?;
        if n == 0 {
            return Ok(match (head.is_empty(), head.len() > MAX_HEAD) {
                (true, _) => Head::Closed,
                (false, true) => Head::TooLarge,
                (false, false) => Head::Cut,
            });
        }
        if head.len() > MAX_HEAD {
            return Ok(Head::TooLarge);
        }
        let line = &head[before..];
        if line == b"\r\n" || line == b"\n" {
            if before == 0 {
                // Blank lines before a request are allowed (RFC 9112, 2.2): skip them.
                head.clear();
                continue;
            }
            return Ok(Head::Complete(head));
        }
    }
}

fn status_only(status: u16) -> Reply {
    Reply {
        status,
        headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
        body: reason(status).as_bytes().to_vec(),
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        _ => "",
    }
}

fn write_reply(
    writer: &mut TcpStream,
    reply: &Reply,
    head_only: bool,
    connection: Option<&str>,
) -> std::io::Result<()> {
    let mut out = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        // Values come from the site, never from the request: still, no line breaks.
        if !value.contains(['\r', '\n']) {
            out.push_str(&format!("{name}: {value}\r\n"));
        }
    }
    if reply.status == 405 {
        out.push_str("Allow: GET, HEAD\r\n");
    }
    // A 304 has no body; its length would describe the representation, so it is left out.
    if reply.status != 304 {
        out.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    if let Some(connection) = connection {
        out.push_str(&format!("Connection: {connection}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if !head_only && reply.status != 304 {
        bytes.extend_from_slice(&reply.body);
    }
    writer.write_all(&bytes)?;
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> SocketAddr {
        let (addr, _) = listen(0, |r: &Request| Reply {
            status: 200,
            headers: vec![("X-Path", r.target.clone())],
            body: b"hello".to_vec(),
        })
        .unwrap();
        addr
    }

    fn exchange(addr: SocketAddr, raw: &[u8]) -> String {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(raw).unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn keeps_the_connection_for_the_next_request() {
        let out = exchange(
            server(),
            b"GET /a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        assert_eq!(out.matches("HTTP/1.1 200 OK").count(), 2, "{out}");
        assert!(out.contains("X-Path: /a") && out.contains("X-Path: /b"));
        // HEAD: the length of what GET would send, and no body.
        assert!(
            out.ends_with("Content-Length: 5\r\nConnection: close\r\n\r\n"),
            "{out}"
        );
    }

    #[test]
    fn many_connections_at_once_are_all_answered() {
        // What a browser does at page load, the case tiny_http's pool lost.
        let addr = server();
        let clients: Vec<_> = (0..24)
            .map(|i| {
                std::thread::spawn(move || {
                    exchange(
                        addr,
                        format!("GET /{i} HTTP/1.1\r\nConnection: close\r\n\r\n").as_bytes(),
                    )
                })
            })
            .collect();
        for c in clients {
            assert!(c.join().unwrap().starts_with("HTTP/1.1 200 OK"));
        }
    }

    #[test]
    fn refuses_what_it_does_not_serve() {
        let addr = server();
        assert!(
            exchange(addr, b"POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi")
                .starts_with("HTTP/1.1 405")
        );
        assert!(exchange(addr, b"NOT HTTP\r\n\r\n").starts_with("HTTP/1.1 400"));
        let huge = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(MAX_HEAD));
        assert!(exchange(addr, huge.as_bytes()).starts_with("HTTP/1.1 431"));
        // HTTP/1.0 closes unless asked not to, and says so when it keeps the connection.
        let out = exchange(addr, b"GET / HTTP/1.0\r\n\r\n");
        assert!(out.starts_with("HTTP/1.1 200") && out.contains("Connection: close"));
        let out = exchange(
            addr,
            b"GET /a HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\nGET /b HTTP/1.0\r\n\r\n",
        );
        assert!(
            out.contains("Connection: keep-alive") && out.contains("X-Path: /b"),
            "{out}"
        );
        // Lengths that disagree are refused, not taken as the start of the next request.
        let out = exchange(
            addr,
            b"GET / HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 5\r\n\r\nhello",
        );
        assert!(
            out.starts_with("HTTP/1.1 400") && !out.contains("405"),
            "{out}"
        );
        // A head the client cut short is a bad request, not a large one.
        assert!(exchange(addr, b"GET / HTTP/1.1\r\nHost: x").starts_with("HTTP/1.1 400"));
    }

    #[test]
    fn reads_connection_as_a_list_and_a_body_before_the_next_request() {
        let addr = server();
        let out = exchange(
            addr,
            b"GET /a HTTP/1.1\r\nConnection: TE, close\r\n\r\nGET /b HTTP/1.1\r\n\r\n",
        );
        assert!(
            out.contains("X-Path: /a") && !out.contains("X-Path: /b"),
            "{out}"
        );
        // A GET with a small body: the body is dropped and the connection goes on.
        let out = exchange(
            addr,
            b"GET /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /b HTTP/1.1\r\nConnection: close\r\n\r\n",
        );
        assert_eq!(out.matches("HTTP/1.1 200 OK").count(), 2, "{out}");
    }
}

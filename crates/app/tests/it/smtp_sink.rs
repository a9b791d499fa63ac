//! A small SMTP server on loopback for the mail tests: it accepts every message and keeps its
//! raw text. Enough of RFC 5321 for lettre (EHLO, MAIL, RCPT, DATA with dot-unstuffing, RSET,
//! NOOP, QUIT); no TLS, no authentication.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// A running sink; dropping it stops accepting (connections in progress finish).
pub(crate) struct Sink {
    pub(crate) addr: SocketAddr,
    pub(crate) messages: Arc<Mutex<Vec<String>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Sink {
    /// Listens on `addr` (port 0: any free port).
    pub(crate) async fn start(addr: &str) -> Sink {
        let listener = TcpListener::bind(addr).await.expect("bind the SMTP sink");
        let addr = listener.local_addr().unwrap();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let kept = messages.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, kept.clone()));
            }
        });
        Sink { addr, messages, task }
    }

    pub(crate) fn url(&self) -> String {
        format!("smtp://{}", self.addr)
    }

    pub(crate) fn received(&self) -> Vec<String> {
        self.messages.lock().unwrap().clone()
    }
}

async fn session(stream: TcpStream, messages: Arc<Mutex<Vec<String>>>) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    if write.write_all(b"220 sink ESMTP\r\n").await.is_err() {
        return;
    }
    while let Ok(Some(line)) = lines.next_line().await {
        let verb = line.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" | "HELO" => b"250-sink\r\n250 8BITMIME\r\n",
            "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 ok\r\n",
            "DATA" => {
                if write.write_all(b"354 go ahead\r\n").await.is_err() {
                    return;
                }
                let mut body = Vec::new();
                while let Ok(Some(l)) = lines.next_line().await {
                    if l == "." {
                        break;
                    }
                    body.push(l.strip_prefix('.').map(str::to_string).unwrap_or(l));
                }
                messages.lock().unwrap().push(body.join("\r\n"));
                b"250 queued\r\n"
            }
            "QUIT" => {
                let _ = write.write_all(b"221 bye\r\n").await;
                return;
            }
            _ => b"502 not implemented\r\n",
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}

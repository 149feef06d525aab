//! Who the preview answers, and for how long it waits: the preview serves
//! drafts and work in progress, so a page of another site must not reach
//! it by DNS rebinding (a name of the attacker's that resolves to this
//! machine), and slow or many connections must not hold it.

use std::net::IpAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// How long a client has to send its request line and headers.
pub const HEADER_DEADLINE: Duration = Duration::from_secs(10);

/// Connections served at once; more are answered 503 at once and closed.
pub const MAX_CONNECTIONS: usize = 64;

/// Whether a request with this `Host` header is for the preview: a
/// loopback name, the address it is bound to, or, when it listens on every
/// address (`--bind 0.0.0.0`), any address written as numbers, which no DNS
/// rebinding can give. A port, when written, must be the preview's.
pub fn host_allowed(host: &str, bind: IpAddr, port: u16) -> bool {
    let host = host.trim();
    let (name, written_port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((ip, after)) => (ip, after.strip_prefix(':')),
            None => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, p)) => (name, Some(p)),
            None => (host, None),
        },
    };
    if written_port.is_some_and(|p| p.parse::<u16>() != Ok(port)) {
        return false;
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    if name == "localhost" {
        return true;
    }
    let Ok(ip) = name.parse::<IpAddr>() else {
        return false;
    };
    ip.is_loopback() && bind.is_loopback() || ip == bind || bind.is_unspecified()
}

/// The connections open now.
#[derive(Clone, Default)]
pub struct Connections(Arc<AtomicUsize>);

/// One connection counted while it lives.
pub struct Counted(Arc<AtomicUsize>);

impl Connections {
    /// Counts one more connection, unless [`MAX_CONNECTIONS`] are open.
    pub fn enter(&self) -> Option<Counted> {
        let taken = self
            .0
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < MAX_CONNECTIONS).then_some(n + 1)
            })
            .is_ok();
        taken.then(|| Counted(Arc::clone(&self.0)))
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_preview_s_own_names() {
        let lo: IpAddr = "127.0.0.1".parse().unwrap();
        for ok in [
            "localhost:1111",
            "LOCALHOST:1111",
            "localhost",
            "127.0.0.1:1111",
            "[::1]:1111",
        ] {
            assert!(host_allowed(ok, lo, 1111), "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "localhost:8080",
            "192.168.1.5:1111",
            "[::1",
            "",
        ] {
            assert!(!host_allowed(bad, lo, 1111), "{bad}");
        }
        let lan: IpAddr = "192.168.1.5".parse().unwrap();
        assert!(host_allowed("192.168.1.5:1111", lan, 1111));
        assert!(!host_allowed("127.0.0.1:1111", lan, 1111));
        let every: IpAddr = "0.0.0.0".parse().unwrap();
        assert!(host_allowed("10.0.0.7:1111", every, 1111));
        assert!(!host_allowed("intranet.example:1111", every, 1111));
    }

    #[test]
    fn connections_are_bounded() {
        let c = Connections::default();
        let held: Vec<Counted> = (0..MAX_CONNECTIONS).map_while(|_| c.enter()).collect();
        assert_eq!(held.len(), MAX_CONNECTIONS);
        assert!(c.enter().is_none());
        drop(held);
        assert!(c.enter().is_some());
    }
}

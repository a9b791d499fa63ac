//! Who is calling from where: the client address that login limits count on. It is the
//! socket's peer unless that peer is a proxy named by `serve --trusted-proxy`; then the
//! right-most `X-Forwarded-For` address that is not itself a trusted proxy. Anything left of it
//! was written by the client and could be anything, so it is never believed.

use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

/// Parses a `--trusted-proxy` value: a CIDR range (`10.0.0.0/8`, `fd00::/8`) or one address.
pub fn parse_proxy_range(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("`{s}` is not a CIDR range such as 10.0.0.0/8 or 2001:db8::/32, nor an IP address"))
}

fn trusted(ip: IpAddr, proxies: &[IpNet]) -> bool {
    let ip = ip.to_canonical();
    proxies.iter().any(|p| p.contains(&ip))
}

/// The client address for a request whose socket peer is `peer`.
pub(crate) fn client_ip(peer: IpAddr, headers: &HeaderMap, proxies: &[IpNet]) -> IpAddr {
    let mut client = peer.to_canonical();
    if !trusted(client, proxies) {
        return client;
    }
    let hops: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for hop in hops.into_iter().rev() {
        // A hop we cannot read ends the chain: the last trusted proxy is the best we know.
        let Ok(ip) = hop.parse::<IpAddr>() else { return client };
        client = ip.to_canonical();
        if !trusted(client, proxies) {
            return client;
        }
    }
    client
}

/// The caller's address as text, for login rate limiting.
pub(crate) fn client_addr(parts: &Parts, proxies: &[IpNet]) -> String {
    match parts.extensions.get::<ConnectInfo<SocketAddr>>() {
        Some(c) => client_ip(c.0.ip(), &parts.headers, proxies).to_string(),
        None => "unknown".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", v.parse().unwrap());
        h
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let proxy: IpAddr = "10.0.0.2".parse().unwrap();
        let proxies = [parse_proxy_range("10.0.0.0/24").unwrap()];
        let h = xff("6.6.6.6, 192.0.2.7, 10.0.0.1");
        assert_eq!(client_ip(proxy, &h, &[]), proxy, "no trusted proxy: the socket");
        assert_eq!(client_ip("192.0.2.9".parse().unwrap(), &h, &proxies).to_string(), "192.0.2.9", "untrusted peer");
        assert_eq!(client_ip(proxy, &h, &proxies).to_string(), "192.0.2.7", "right-most untrusted hop");
        assert_eq!(client_ip(proxy, &xff("junk, 10.0.0.1"), &proxies).to_string(), "10.0.0.1");
        assert_eq!(client_ip(proxy, &HeaderMap::new(), &proxies), proxy);
        assert_eq!(parse_proxy_range("192.0.2.1").unwrap().to_string(), "192.0.2.1/32");
        assert!(parse_proxy_range("10.0.0.0/33").is_err() && parse_proxy_range("proxy").is_err());
    }
}

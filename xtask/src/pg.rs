//! A throwaway PostgreSQL server: `initdb` in a temporary folder, `pg_ctl start` on a free
//! loopback port, stopped and removed on drop. Never touches a system service. `initdb` refuses
//! to run as root, so as root the server runs as the `postgres` user.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::Command;

pub(crate) const ENV: &str = "CLUSTERBRIDGE_TEST_PG";

pub(crate) struct Server {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl Server {
    pub(crate) fn start() -> Result<Server> {
        let bin = crate::tools::pg_bin_dir().context("initdb not found: install the postgresql package")?;
        let as_postgres = crate::tools::is_root();
        let dir = std::env::temp_dir().join(format!("clusterbridge-pg-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        if as_postgres {
            crate::run(Command::new("chown").arg("postgres:postgres").arg(&dir))?;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let server = Server { dir, bin, port, as_postgres };
        let data = server.dir.join("data");
        server.pg(&[
            "initdb",
            "-D",
            &data.display().to_string(),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
        ])?;
        let opts = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            server.port,
            server.dir.display()
        );
        server.pg(&[
            "pg_ctl",
            "-D",
            &data.display().to_string(),
            "-o",
            &opts,
            "-l",
            &server.dir.join("log").display().to_string(),
            "-w",
            "start",
        ])?;
        Ok(server)
    }

    pub(crate) fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    fn pg(&self, args: &[&str]) -> Result<()> {
        let exe = self.bin.join(args[0]);
        let mut cmd = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        cmd.args(&args[1..]).current_dir(&self.dir).stdout(std::process::Stdio::null());
        let status = cmd.status().with_context(|| format!("running {}", exe.display()))?;
        if !status.success() {
            let log = std::fs::read_to_string(self.dir.join("log")).unwrap_or_default();
            bail!("{} failed ({status}); server log:\n{log}", args[0]);
        }
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.dir.join("data").display().to_string();
        let _ = self.pg(&["pg_ctl", "-D", &data, "-m", "fast", "-w", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

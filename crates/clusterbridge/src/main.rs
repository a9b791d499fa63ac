//! The `clusterbridge` binary: command line, configuration and start-up (the composition root).

/// `println!` for command output: when the reader has gone (`clusterbridge event plan X | head`),
/// the command ends quietly with success instead of panicking on a broken pipe.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            panic!("cannot write to standard output: {e}");
        }
    }};
}

mod analytics;
mod cli;
mod eval;
mod report;
mod schedule;

fn main() -> std::process::ExitCode {
    cli::main()
}

//! The `clusterbridge` binary: command line, configuration and start-up (the composition root).

mod cli;
mod eval;
mod schedule;

fn main() -> std::process::ExitCode {
    cli::main()
}

//! The `flowdown` command: argument parsing, format choice and exit codes. Logic lives in the
//! `flowdown` crate.

mod args;
mod commands;
mod exit;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli) {
        Ok(status) => status.into(),
        Err(err) => {
            #[expect(clippy::print_stderr, reason = "the binary reports its own errors")]
            {
                eprintln!("flowdown: error: {err:#}");
            }
            exit::ExitStatus::Error.into()
        }
    }
}

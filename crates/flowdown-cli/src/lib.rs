//! The `flowdown` command as a library: argument parsing, format choice and exit codes. Logic
//! lives in the `flowdown` crate. The binary (`main.rs`) and the Python package's `flowdown`
//! command (`flowdown._flowdown.main`) both call [`run`].

mod args;
mod commands;
mod exit;

use clap::Parser;
use std::ffi::OsString;

/// Runs the command line `args` (the first item is the program name) and returns the exit
/// code: 0 clean, 1 findings at or above the threshold, 2 operational error.
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // `--help` and `--version` print to stdout and succeed; usage errors exit 2.
            let _ = err.print();
            return err.exit_code();
        }
    };
    let status = match commands::run(cli) {
        Ok(status) => status,
        Err(err) => {
            #[expect(clippy::print_stderr, reason = "the command reports its own errors")]
            {
                eprintln!("flowdown: error: {err:#}");
            }
            exit::ExitStatus::Error
        }
    };
    status.code()
}

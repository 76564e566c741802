//! The `flowdown` command; see the library for the logic of the command line.

use std::process::ExitCode;

fn main() -> ExitCode {
    let code = flowdown_cli::run(std::env::args_os());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

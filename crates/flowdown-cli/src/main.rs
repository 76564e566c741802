//! The `flowdown` command; see the library for the logic of the command line.

use std::process::ExitCode;

// mimalloc: a large audit is millions of small strings (ids, names, evidence); glibc's
// allocator spends 32 bytes on each and is slower to hand them out (see BENCHMARKS.md, audit).
// Built without transparent huge pages (`no_thp`): with them the kernel spent more time
// compacting memory than the audit spent working, and small runs kept 50 MiB resident.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let code = flowdown_cli::run(std::env::args_os());
    ExitCode::from(u8::try_from(code).unwrap_or(2))
}

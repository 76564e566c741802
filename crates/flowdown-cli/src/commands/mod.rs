//! One module per subcommand.

pub(crate) mod audit;
mod check;
mod explain;
mod rules;
pub(crate) mod screen;

use crate::args::{Cli, Command, PackArg};
use crate::exit::ExitStatus;
use flowdown::Pack;
use std::io::Write;
use std::path::Path;

pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitStatus> {
    match cli.command {
        Command::Check(a) => check::run(&a),
        Command::Audit(a) => audit::run(&a),
        Command::Screen(a) => screen::run(&a),
        Command::Rules(a) => rules::run(&a),
        Command::Explain(a) => explain::run(&a),
    }
}

/// Loads `--pack` or the built-in pack.
pub(crate) fn load_pack(arg: &PackArg) -> anyhow::Result<Pack> {
    match &arg.pack {
        Some(p) => Ok(Pack::from_path(p)?),
        None => Ok(Pack::builtin()),
    }
}

/// A buffered output: a file or standard output.
pub(crate) type Out = std::io::BufWriter<Box<dyn Write>>;

/// Streams output to a file or standard output through a buffer.
pub(crate) fn emit_with(
    output: Option<&Path>,
    write: impl FnOnce(&mut Out) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let buffered = |w: Box<dyn Write>| std::io::BufWriter::with_capacity(1 << 16, w);
    match output {
        Some(p) => {
            let cannot = |e: std::io::Error| anyhow::anyhow!("cannot write {}: {e}", p.display());
            let mut w = buffered(Box::new(std::fs::File::create(p).map_err(cannot)?));
            write(&mut w).map_err(cannot)?;
            w.flush().map_err(cannot)?;
        }
        None => {
            let mut w = buffered(Box::new(std::io::stdout().lock()));
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = write(&mut w);
            let _ = w.flush();
        }
    }
    Ok(())
}

/// Writes output to a file or standard output.
pub(crate) fn emit(output: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match output {
        Some(p) => std::fs::write(p, text)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", p.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
        }
    }
    Ok(())
}

//! `parallax cache`: where the cache is and how big, and `--clear`.

use std::io::Write;

use clap::Args;

use crate::cache::Cache;

#[derive(Debug, Args)]
pub struct CacheArgs {
    /// Remove every cached corpus.
    #[arg(long)]
    pub clear: bool,
}

pub fn run(args: &CacheArgs, out: &mut dyn Write) -> anyhow::Result<i32> {
    let (config, _) = crate::config::load(crate::config::config_path().as_deref());
    let Some(cache) = Cache::user(config.cache.limit_bytes()) else {
        anyhow::bail!("no cache folder: set HOME or XDG_CACHE_HOME");
    };
    let shown = cache.dir.display().to_string();
    let folder = crate::escape::line(&shown);
    if args.clear {
        let freed = cache
            .clear()
            .map_err(|e| anyhow::anyhow!("cannot clear {folder}: {e}"))?;
        writeln!(out, "cleared {folder} ({})", mib(freed))?;
        return Ok(super::EXIT_OK);
    }
    let (corpora, bytes) = cache.usage();
    writeln!(
        out,
        "{folder}: {corpora} corpora, {} of {} ({})",
        mib(bytes),
        mib(cache.limit),
        if config.cache.enabled {
            "on"
        } else {
            "off in the config"
        }
    )?;
    Ok(super::EXIT_OK)
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / f64::from(1 << 20))
}

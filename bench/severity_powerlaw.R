# The poweRlaw side of bench/severity_vs_powerlaw.sh: the same fits on the same files.
#   Rscript bench/severity_powerlaw.R FILE scan
#   Rscript bench/severity_powerlaw.R FILE bootstrap SIMS THREADS
# Prints "key value" lines: scan_seconds, xmin, alpha, ks, ntail [, bootstrap_seconds, sims, p].
# Needs R and the poweRlaw package (Debian: apt-get install r-cran-powerlaw).
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: severity_powerlaw.R FILE scan|bootstrap [SIMS THREADS]")
suppressMessages(library(poweRlaw))
x <- scan(args[1], quiet = TRUE)
x <- x[x > 0]
m <- displ$new(x)
t0 <- proc.time()[["elapsed"]]
e <- estimate_xmin(m)  # defaults: every distinct value is a candidate, xmax = 1e5
t_scan <- proc.time()[["elapsed"]] - t0
cat(sprintf("scan_seconds %.3f\nxmin %g\nalpha %.6f\nks %.6f\nntail %d\n", t_scan, e$xmin, e$pars, e$gof, e$ntail))
if (args[2] == "bootstrap") {
  sims <- as.integer(args[3])
  threads <- as.integer(args[4])
  m$setXmin(e)
  t0 <- proc.time()[["elapsed"]]
  b <- suppressMessages(bootstrap_p(m, no_of_sims = sims, threads = threads, seed = 1))
  cat(sprintf("bootstrap_seconds %.3f\nsims %d\np %.4f\n", proc.time()[["elapsed"]] - t0, sims, b$p))
}

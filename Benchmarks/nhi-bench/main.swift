import ArgumentParser

/// `nhi-bench`: the SDK's benchmarks, one subcommand per area. Each prints its figures
/// (and `--json` for scripts); the scripts in `Benchmarks/` run them in a release build next
/// to a reference implementation and compare.
struct NHIBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-bench",
        abstract: "nhi-swift benchmarks — run with a release build (swift build -c release).",
        subcommands: [GradesBenchmark.self])
}

NHIBench.main()

import ArgumentParser
import Logging

/// `nhi-bench`: the SDK's benchmarks, one subcommand per area. Each prints its figures
/// (and `--json` for scripts); the scripts in `Benchmarks/` run them in a release build next
/// to a reference implementation and compare.
struct NHIBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-bench",
        abstract: "nhi-swift benchmarks — run with a release build (swift build -c release).",
        subcommands: [GradesBenchmark.self, ServiceBenchmark.self, CountersBenchmark.self, CounterProcess.self, CardsBenchmark.self])
}

extension AsyncParsableCommand {
    /// Runs the command's `async` entry point (an existential call would pick the sync one).
    mutating func runAsync() async throws { try await run() }
}

// Figures only: the service's audit lines (info) would drown them.
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = .warning
    return handler
}

// Some benchmarks are async (card reads); dispatch like the nhi tool does.
do {
    var command = try NHIBench.parseAsRoot()
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.runAsync()
    } else {
        try command.run()
    }
} catch {
    NHIBench.exit(withError: error)
}

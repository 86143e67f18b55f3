import ArgumentParser
import Foundation
import Logging
import NHICore
#if canImport(Glibc)
import Glibc
#endif

/// `nhi`: the command-line face of the SDK.
struct NHI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi",
        abstract: "全民健保投保單位工具 — NHI employer-side tools: identifiers, grades, files, cards, the local service.",
        discussion: """
            Exit status: 0 when everything is valid or the operation succeeded, 1 when an \
            input is invalid or an operation failed, 2 on a usage error.
            """,
        version: NHIVersion.current,
        subcommands: NHI.allSubcommands)
}

extension AsyncParsableCommand {
    /// Runs the command's `async` entry point (an existential call would pick the sync one).
    mutating func runAsync() async throws { try await run() }
}

// Logs go to standard error at `warning` and above unless $NHI_LOG_LEVEL says otherwise;
// standard output carries only the command's result.
LoggingSystem.bootstrap { label in
    var handler = StreamLogHandler.standardError(label: label)
    handler.logLevel = ProcessInfo.processInfo.environment["NHI_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
    return handler
}

// A file-size limit (`ulimit -f`) makes write(2) fail with EFBIG instead of killing the
// process, so the safe writer removes its temporary file and the error is reported.
signal(SIGXFSZ, SIG_IGN)

// Usage errors exit with 2 (ArgumentParser's default is 64).
do {
    var command = try NHI.parseAsRoot()
    do {
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.runAsync()
        } else {
            try command.run()
        }
    } catch {
        // Output that could not be written outranks the command's own verdict.
        try StandardOutputStatus.check()
        throw error
    }
    try StandardOutputStatus.check()
} catch {
    let code = NHI.exitCode(for: error)
    if code == .validationFailure {
        printToStandardError(NHI.fullMessage(for: error))
        exit(ExitStatus.usage.rawValue)
    }
    if let coded = error as? any CodedError {
        printError(coded)
        exit(ExitStatus.invalid.rawValue)
    }
    NHI.exit(withError: error)
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads passwords, PINs and codes without showing them: from the terminal with echo off,
/// or — for scripts — one line at a time from standard input, or once from an environment
/// variable. A secret is never printed or logged.
final class SecretInput: @unchecked Sendable {
    private let environmentValue: String?
    private var usedEnvironment = false
    private let interactive: Bool

    /// Secrets come from `environment` (used once) or else from the terminal or stdin.
    init(environment variable: String?) {
        environmentValue = variable.flatMap { ProcessInfo.processInfo.environment[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        interactive = isatty(0) == 1
    }

    /// The next secret, or `nil` at end of input. `prompt` goes to standard error.
    func next(prompt: String) -> String? {
        if let environmentValue {
            defer { usedEnvironment = true }
            return usedEnvironment ? nil : environmentValue
        }
        guard interactive else { return readLine(strippingNewline: true) }
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        let haveTerminal = tcgetattr(0, &saved) == 0
        if haveTerminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        defer {
            if haveTerminal { tcsetattr(0, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}

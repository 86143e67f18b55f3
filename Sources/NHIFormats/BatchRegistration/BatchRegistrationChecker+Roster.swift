import Dispatch

extension BatchRegistrationChecker {
    /// Checks `input` against the roster in `rosterFile`, loading the roster on another
    /// thread while the file is read: the rows' duplicate and roster checks wait (in file
    /// order) until the roster has arrived. The report is the same as loading the roster
    /// first and passing it in ``Options/roster``, which this call replaces.
    ///
    /// Throws when either file cannot be read.
    public func check(_ input: ByteInput, rosterFile: ByteInput, rosterEncoding: TextEncoding? = nil) throws(FormatError)
        -> (report: BatchRegistrationReport, roster: InForceRoster.IDLoadResult) {
        var options = self.options
        options.roster = nil
        let pending = PendingRoster(rosterFile, encoding: rosterEncoding)
        let run = try BatchCheckRun(input: input, options: options, pending: pending, onRow: nil)
        let report = try run.execute()
        guard let roster = run.loadedRoster else { throw FormatError(.fileRead, value: rosterFile.name) }
        return (report, roster)
    }
}

/// A roster loading on a background thread. The thread writes the result and then signals;
/// the checker reads it only after a successful wait, so the hand-over is ordered by the
/// semaphore.
final class PendingRoster: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<InForceRoster.IDLoadResult, FormatError>?
    private var received = false

    init(_ input: ByteInput, encoding: TextEncoding?) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = Result { () throws(FormatError) in try InForceRoster.loadIDs(from: input, encoding: encoding) }
            done.signal()
        }
    }

    /// The result if it has arrived, without waiting.
    func poll() -> Result<InForceRoster.IDLoadResult, FormatError>? {
        if !received {
            guard done.wait(timeout: .now()) == .success else { return nil }
            received = true
        }
        return result
    }

    /// The result, waiting for it.
    func wait() -> Result<InForceRoster.IDLoadResult, FormatError> {
        if !received {
            done.wait()
            received = true
        }
        return result!
    }
}

import Foundation
import NHICore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A ``PINPrompt`` on the terminal the service runs in: the question on standard error,
/// the PIN read with echo off from standard input, which must be a terminal.
///
/// Typing ahead does not count (input waiting before the question is discarded); an empty
/// line refuses; a PIN of the wrong shape (6–8 letters or digits) is asked again without
/// reaching the card, at most three times; nobody answering within ``timeout`` refuses.
/// The reading runs on a thread of its own, never on the cooperative pool.
public struct TerminalPINPrompt: PINPrompt {
    /// The terminal's descriptor (standard input).
    public let input: Int32
    /// Where the question goes (standard error).
    public let output: Int32
    /// How long the person has to answer.
    public var timeout: Duration

    /// A prompt on `input`, or `nil` when it is not a terminal (nobody could answer).
    public init?(input: Int32 = STDIN_FILENO, output: Int32 = STDERR_FILENO, timeout: Duration = .seconds(60)) {
        guard isatty(input) == 1 else { return nil }
        self.input = input
        self.output = output
        self.timeout = timeout
    }

    public func pin(for request: PINRequest) async -> PINAnswer {
        let input = input, output = output, timeout = timeout
        return await withCheckedContinuation { (done: CheckedContinuation<PINAnswer, Never>) in
            Thread.detachNewThread {
                done.resume(returning: Self.ask(request, input: input, output: output, timeout: timeout))
            }
        }
    }

    private static let serial = Mutex(())

    private static func ask(_ request: PINRequest, input: Int32, output: Int32, timeout: Duration) -> PINAnswer {
        serial.withLock { _ in
            let deadline = ContinuousClock.now + timeout
            var question = "\n" + request.text
            for _ in 0..<3 {
                write(output, question)
                switch readLine(input, echoingNewlineTo: output, until: deadline) {
                case nil:
                    write(output, "\n逾時 timed out\n")
                    return .timedOut
                case ""?:
                    write(output, "已拒絕 refused\n")
                    return .declined
                case let line?:
                    if let pin = try? PIN(line) { return .pin(pin) }
                    question = "PIN 碼為 6 至 8 位英數字 — a PIN is 6 to 8 letters or digits: "
                }
            }
            write(output, "已拒絕 refused\n")
            return .declined
        }
    }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(fd, &bytes, bytes.count)
    }

    /// One line with echo off, or `nil` when the deadline passes first.
    private static func readLine(_ fd: Int32, echoingNewlineTo output: Int32, until deadline: ContinuousClock.Instant) -> String? {
        var saved = termios()
        let terminal = tcgetattr(fd, &saved) == 0
        if terminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(fd, TCSAFLUSH, &quiet)  // also drops what was typed before the question
        }
        defer {
            if terminal { tcsetattr(fd, TCSANOW, &saved) }
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let millis = Int32(min(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000, 250))
            let ready = poll(&descriptor, 1, max(millis, 1))
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            let count = Glibc.read(fd, &byte, 1)
            if count <= 0 { return nil }
            if byte == 0x0A || byte == 0x0D {
                write(output, "\n")
                return String(decoding: line, as: UTF8.self)
            }
            line.append(byte)
            // A PIN is at most 8 characters: no line grows without bound.
            if line.count > 64 { line.removeFirst() }
        }
    }
}

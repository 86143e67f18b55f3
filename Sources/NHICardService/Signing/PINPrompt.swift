import NHICards
import NHICore

/// Whoever enters a certificate card's PIN for `POST /sign`: a person at this PC, never the
/// web page that asked.
///
/// `nhi card serve` asks on its own terminal (``TerminalPINPrompt``); a counter program can
/// show its own keypad. The prompt is told who asks and for what, so the person can refuse.
public protocol PINPrompt: Sendable {
    /// Asks for the PIN of `request`'s card; returns it, or why there is none.
    func pin(for request: PINRequest) async -> PINAnswer
}

/// What the person at the PC is asked to approve with the PIN.
public struct PINRequest: Sendable, Hashable {
    /// The web page's origin, or `nil` for a program on this PC (no `Origin:`).
    public let origin: String?
    /// The reader holding the card.
    public let reader: String
    /// The certificate's holder (shown to the person at the PC only, never logged).
    public let holderName: String
    /// The certificate's kind, from its issuer.
    public let kind: CertificateKind?
    /// The certificate's serial number (hex).
    public let serialNumber: String
    /// The first 8 bytes of the challenge's SHA-256, in hex groups of four: the page can show
    /// the same figure, so the person sees that this is the signature they started.
    public let challengeFingerprint: String
    /// PIN tries left, when the card tells.
    public let remainingTries: Int?

    /// A request.
    public init(origin: String?, reader: String, holderName: String, kind: CertificateKind?, serialNumber: String,
                challengeFingerprint: String, remainingTries: Int?) {
        self.origin = origin
        self.reader = reader
        self.holderName = holderName
        self.kind = kind
        self.serialNumber = serialNumber
        self.challengeFingerprint = challengeFingerprint
        self.remainingTries = remainingTries
    }

    /// The question, in Traditional Chinese and English, for a prompt to show.
    public var text: String {
        let asker = origin ?? "本機程式 a program on this PC"
        var lines = [
            "簽章要求 Signature request from \(asker)",
            "  憑證 Certificate: \(holderName)（\(kind?.rawValue ?? "certificate")，序號 serial \(serialNumber)）",
            "  讀卡機 Reader: \(reader)",
            "  挑戰值指紋 Challenge fingerprint: \(challengeFingerprint)",
        ]
        if let remainingTries {
            lines.append("  PIN 剩餘嘗試次數 tries left: \(remainingTries)\(remainingTries == 1 ? "（再錯一次即鎖卡 one more wrong PIN locks the card）" : "")")
        }
        lines.append("輸入 PIN 碼以同意，直接按 Enter 拒絕 — Type the PIN to agree, or press Enter to refuse: ")
        return lines.joined(separator: "\n")
    }
}

/// The answer of a ``PINPrompt``.
public enum PINAnswer: Sendable {
    /// The person typed the PIN.
    case pin(PIN)
    /// The person refused.
    case declined
    /// Nobody answered in time.
    case timedOut
}

import Foundation
import NHICards
import NHICore

/// The error a login flow ends with: a stable ``Code``, the number users know from the
/// NHI's screens where one exists (``userCode``), the fix from the seeds in both
/// languages, and — when a card or token failed — the `CardError` underneath (with its
/// SCARD_E_*, status word or CKR_* value).
///
/// Two errors are equal when their codes are equal.
public struct LoginError: CodedError, Hashable {
    /// A stable, dotted code (`password.incorrect`). New codes are added as static constants.
    public struct Code: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The dotted code itself, such as `password.incorrect`.
        public let rawValue: String
        /// Creates a code from its dotted text, such as `password.incorrect`.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a string literal, as the static constants do.
        public init(stringLiteral value: String) { self.rawValue = value }
        /// The dotted code, as ``rawValue``.
        public var description: String { rawValue }
    }

    /// Which failure.
    public let code: Code
    /// The number the NHI's screens show (9039, 66501 …), if any.
    public let userCode: Int?
    /// Password, PIN or OTP tries left before suspension or lock, when known.
    public let remainingAttempts: Int?
    /// When a suspension ends.
    public let suspendedUntil: Date?
    /// The card or token failure underneath, if any.
    public let cause: CardError?
    /// Technical context (masked; never a secret).
    public let detail: String?
    /// What to do, in Traditional Chinese.
    public let advice: String
    /// What to do, in English.
    public let adviceEn: String
    /// The full message in Traditional Chinese.
    public let message: String
    /// The full message in English.
    public let messageEn: String

    /// Creates an error whose text comes from the catalog entry for `code`.
    public init(_ code: Code, remainingAttempts: Int? = nil, suspendedUntil: Date? = nil, detail: String? = nil) {
        let entry = Self.entryIndex[code]
        self.code = code
        self.userCode = entry?.userCode
        self.remainingAttempts = remainingAttempts
        self.suspendedUntil = suspendedUntil
        self.cause = nil
        self.detail = detail
        self.advice = entry?.adviceZh ?? ""
        self.adviceEn = entry?.adviceEn ?? ""
        var zh = entry?.zh ?? code.rawValue
        var en = entry?.en ?? code.rawValue
        if let remainingAttempts {
            zh += "，剩餘 \(remainingAttempts) 次"
            en += ", \(remainingAttempts) \(remainingAttempts == 1 ? "attempt" : "attempts") left"
        }
        if let suspendedUntil {
            let time = Self.taiwanTime(suspendedUntil)
            zh += "，暫停至 \(time)"
            en += ", suspended until \(time)"
        }
        if let userCode = entry?.userCode { zh += "（錯誤代碼 \(userCode)）"; en += " (error \(userCode))" }
        let tail = detail.map { " [\($0)]" } ?? ""
        message = zh + "。" + (advice.isEmpty ? "" : "處理方式：" + advice) + tail
        messageEn = en + "." + (adviceEn.isEmpty ? "" : " What to do: " + adviceEn) + tail
    }

    /// A login that failed because the card or token failed: the card error's number,
    /// message and advice, under the code `card.failed`.
    public init(card error: CardError) {
        code = .cardFailed
        userCode = error.userCode
        remainingAttempts = error.remainingTries
        suspendedUntil = nil
        cause = error
        detail = error.detail
        advice = error.advice
        adviceEn = error.adviceEn
        message = error.message
        messageEn = error.messageEn
    }

    /// The dotted code (``code``'s raw value), as `CodedError` requires.
    public var errorCode: String { code.rawValue }

    /// Two errors are equal when their codes are equal; attempts left, suspension time and detail are ignored.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    /// Hashes the code only, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// `yyyy-MM-dd HH:mm` in Taiwan time (UTC+8).
    static func taiwanTime(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let day = CalendarDate(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
        let secondOfDay = ((seconds % 86_400) + 86_400) % 86_400
        let hour = secondOfDay / 3600, minute = secondOfDay % 3600 / 60
        return day.iso + " " + (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}

import NHICore
import Observation

/// The on-screen PIN keypad's state. It never gives the digits back: the screen sees only
/// how many were typed (``count``, shown as dots), and ``takePIN()`` hands the PIN to the
/// sign-in once and forgets it.
///
/// Printing, `dump`-ing or mirroring a keypad shows dots only.
@Observable
@MainActor
public final class PINKeypad {
    /// A certificate PIN is 6–8 characters (SPEC §11); the keypad types digits.
    public static let lengths = 6...8

    @ObservationIgnored private var digits: [UInt8] = []

    /// How many digits are typed.
    public private(set) var count = 0

    public init() {}

    /// Types a digit 0–9; ignored when the PIN is already at its longest.
    public func press(_ digit: Int) {
        precondition((0...9).contains(digit), "keypad digits are 0–9")
        guard digits.count < Self.lengths.upperBound else { return }
        digits.append(UInt8(digit) + 0x30)
        count = digits.count
    }

    /// Removes the last digit.
    public func deleteLast() {
        guard !digits.isEmpty else { return }
        digits[digits.count - 1] = 0
        digits.removeLast()
        count = digits.count
    }

    /// Removes every digit (overwriting them first).
    public func clear() {
        for index in digits.indices { digits[index] = 0 }
        digits.removeAll()
        count = 0
    }

    /// Whether enough digits are typed to submit.
    public var isComplete: Bool { Self.lengths.contains(count) }

    /// `●●●●○○` style: filled dots for typed digits, hollow up to the minimum length.
    public var dots: String {
        String(repeating: "●", count: count) + String(repeating: "○", count: max(0, Self.lengths.lowerBound - count))
    }

    /// The PIN, once: the keypad is cleared as it is handed over. Throws the PIN-length error
    /// (9041's rule) when too few digits are typed.
    public func takePIN() throws(ValidationError) -> PIN {
        defer { clear() }
        return try PIN(String(decoding: digits, as: UTF8.self))
    }
}

extension PINKeypad: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    nonisolated public var description: String { "PINKeypad(entered: hidden)" }
    nonisolated public var debugDescription: String { description }
    nonisolated public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .class) }
}

/// A response APDU: the data the card returned and its ``StatusWord``.
public struct ResponseAPDU: Hashable, Sendable, CustomStringConvertible {
    /// The response data (without the status word).
    public var data: [UInt8]
    /// The status word.
    public var status: StatusWord

    /// Creates a response.
    public init(data: [UInt8], status: StatusWord) {
        self.data = data
        self.status = status
    }

    /// Splits raw response bytes into data and status word. Returns `nil` when fewer than
    /// two bytes arrived: that is a failed exchange, not a response.
    public init?(bytes: [UInt8]) {
        guard bytes.count >= 2 else { return nil }
        data = Array(bytes.dropLast(2))
        status = StatusWord(bytes[bytes.count - 2], bytes[bytes.count - 1])
    }

    /// Data followed by SW1 SW2.
    public var bytes: [UInt8] { data + [status.sw1, status.sw2] }

    /// `<n> bytes, 9000`.
    public var description: String { "\(data.count) bytes, \(status)" }
}

/// One of the two readers that vsmartcard's vpcd driver registers with pcscd
/// (`/etc/reader.conf.d/vpcd`): a name for PC/SC and a TCP port for the card emulator.
public struct VirtualReader: Sendable, Hashable, CustomStringConvertible {
    /// The reader name pcscd reports.
    public let name: String
    /// The TCP port vpcd listens on for this reader's card.
    public let port: UInt16

    /// Creates a reader description.
    public init(name: String, port: UInt16) {
        self.name = name
        self.port = port
    }

    /// `Virtual PCD 00 00` on port 35963.
    public static let first = VirtualReader(name: "Virtual PCD 00 00", port: 35963)
    /// `Virtual PCD 00 01` on port 35964.
    public static let second = VirtualReader(name: "Virtual PCD 00 01", port: 35964)

    /// Both readers.
    public static let all = [first, second]

    public var description: String { name }
}

/// A character encoding the formats in this module are read or written in.
///
/// Excel on Traditional-Chinese Windows saves CSV as ``cp950`` (Microsoft's Big5 with the
/// ETEN extensions such as 碁 `F9 D6`); "CSV UTF-8" adds a byte-order mark; "Unicode text"
/// is UTF-16 little-endian with a byte-order mark.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// UTF-16 little-endian (Excel's "Unicode text"), usually with a byte-order mark.
    case utf16LittleEndian = "utf-16le"
    /// UTF-16 big-endian (rare; read when its byte-order mark is present).
    case utf16BigEndian = "utf-16be"
    /// Windows code page 950: Big5 plus Microsoft's additions, what Excel saves on
    /// Traditional-Chinese Windows. The default for NHI upload files.
    case cp950
    /// Big5 as glibc defines it (also accepts the ETEN characters at F9D6–F9FE).
    case big5

    /// The name `iconv_open` knows.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .cp950: "CP950"
        case .big5: "BIG5"
        }
    }

    /// Whether ASCII characters are single bytes with their ASCII values, and bytes below
    /// 0x80 never occur inside a multi-byte character in the positions CSV cares about
    /// (`,` `"` CR LF), so CSV structure can be parsed on the raw bytes.
    var isASCIICompatible: Bool {
        switch self {
        case .utf8, .cp950, .big5: true
        case .utf16LittleEndian, .utf16BigEndian: false
        }
    }

    /// Whether this is one of the two Big5 flavours.
    public var isBig5Family: Bool { self == .cp950 || self == .big5 }

    /// The byte-order mark written before text in this encoding when one is wanted.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LittleEndian: [0xFF, 0xFE]
        case .utf16BigEndian: [0xFE, 0xFF]
        case .cp950, .big5: []
        }
    }

    /// The name used in reports and JSON: `utf-8`, `utf-16le`, `utf-16be`, `cp950` or `big5`.
    public var description: String { rawValue }

    /// Parses the names the CLI accepts: `cp950`, `big5`, `utf-8`/`utf8`, `utf-16le`,
    /// `utf-16be` (any case).
    public init?(name: String) {
        switch name.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le", "utf-16", "unicode": self = .utf16LittleEndian
        case "utf-16be", "utf16be": self = .utf16BigEndian
        case "cp950", "ms950", "windows-950", "x-windows-950": self = .cp950
        case "big5", "big-5": self = .big5
        default: return nil
        }
    }
}

/// The line ending written after each record.
public enum LineEnding: String, Sendable, Hashable, CaseIterable, Codable {
    /// CR LF, what Windows programs (and Excel) write.
    case crlf
    /// LF.
    case lf
    /// CR alone (old Mac OS; read, rarely written).
    case cr

    /// The bytes.
    public var bytes: [UInt8] {
        switch self {
        case .crlf: [0x0D, 0x0A]
        case .lf: [0x0A]
        case .cr: [0x0D]
        }
    }
}

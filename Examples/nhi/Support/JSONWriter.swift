/// A JSON value with ordered object keys, written compactly on one line. The commands build
/// their documented JSON shapes with it so that key order is stable.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
    static func optional(_ value: JSONValue?) -> JSONValue { value ?? .null }

    func write(to out: ByteOutput) {
        switch self {
        case .null: out.write("null")
        case .bool(let b): out.write(b ? "true" : "false")
        case .int(let i): out.write(String(i))
        case .string(let s): out.writeJSONString(s)
        case .array(let items):
            out.write(byte: 0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.write(byte: 0x2C) }
                item.write(to: out)
            }
            out.write(byte: 0x5D)
        case .object(let members):
            out.write(byte: 0x7B)
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.write(byte: 0x2C) }
                out.writeJSONString(key)
                out.write(byte: 0x3A)
                value.write(to: out)
            }
            out.write(byte: 0x7D)
        }
    }

    /// Writes the value and a newline to standard output.
    func printLine() {
        let out = ByteOutput()
        write(to: out)
        out.write(byte: 0x0A)
        out.flush()
    }
}

/// Writes one JSON object (or array) to a ``ByteOutput`` field by field, streaming, so a
/// report with a million issues never builds a tree in memory.
struct JSONObjectWriter {
    let out: ByteOutput
    private var first = true

    /// Opens `{`.
    init(_ out: ByteOutput) {
        self.out = out
        out.write(byte: 0x7B)
    }

    private mutating func key(_ name: String) {
        if !first { out.write(byte: 0x2C) }
        first = false
        out.writeJSONString(name)
        out.write(byte: 0x3A)
    }

    mutating func string(_ name: String, _ value: String?) {
        key(name)
        if let value { out.writeJSONString(value) } else { out.write("null") }
    }

    mutating func int(_ name: String, _ value: Int?) {
        key(name)
        out.write(value.map(String.init) ?? "null")
    }

    mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        out.write(value ? "true" : "false")
    }

    mutating func strings(_ name: String, _ values: [String]) {
        key(name)
        out.write(byte: 0x5B)
        for (index, value) in values.enumerated() {
            if index > 0 { out.write(byte: 0x2C) }
            out.writeJSONString(value)
        }
        out.write(byte: 0x5D)
    }

    /// An array of objects, each written by `body`.
    mutating func array<T>(_ name: String, _ items: some Sequence<T>, _ body: (inout JSONObjectWriter, T) -> Void) {
        key(name)
        out.write(byte: 0x5B)
        var firstItem = true
        for item in items {
            if !firstItem { out.write(byte: 0x2C) }
            firstItem = false
            var object = JSONObjectWriter(out)
            body(&object, item)
            object.close()
        }
        out.write(byte: 0x5D)
    }

    /// A nested object written by `body` (or null).
    mutating func object(_ name: String, present: Bool = true, _ body: (inout JSONObjectWriter) -> Void) {
        key(name)
        guard present else { out.write("null"); return }
        var object = JSONObjectWriter(out)
        body(&object)
        object.close()
    }

    /// Closes `}`.
    func close() { out.write(byte: 0x7D) }
}
